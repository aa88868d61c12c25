using Course.Core.Database;

namespace Course.Grader.Submissions;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory() : ModuleDesignTimeFactory<GraderDbContext>("grader", options => new(options));
