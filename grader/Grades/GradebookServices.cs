using Course.Core.Database;

namespace Course.Grader.Grades;

internal static class GradebookServices
{
    public static IServiceCollection AddGradebook(this IServiceCollection services)
    {
        services.AddModuleDatabase<GradebookDbContext>("gradebook");
        services.AddScoped<IAutomaticScores, ResultScores>();
        services.AddScoped<ICompetitionScores, FinalBoardScores>();
        services.AddScoped<IGradeAudit, GradeAudit>();
        services.AddScoped<Gradebook>();
        services.AddScoped<ExtensionGrants>();
        services.AddScoped<LateDayPreview>();
        services.AddScoped<FinalGrades>();
        return services;
    }
}
