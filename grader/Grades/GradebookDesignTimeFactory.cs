using Course.Core.Database;

namespace Course.Grader.Grades;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class GradebookDesignTimeFactory() : ModuleDesignTimeFactory<GradebookDbContext>("gradebook", options => new(options));
