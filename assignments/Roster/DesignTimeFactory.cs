using Course.Core.Database;

namespace Course.Assignments.Roster;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory() : ModuleDesignTimeFactory<AssignmentsDbContext>("assignments", options => new(options));
