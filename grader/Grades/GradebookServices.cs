using Course.Core.Database;

namespace Course.Grader.Grades;

internal static class GradebookServices
{
    public static IServiceCollection AddGradebook(this IServiceCollection services)
    {
        services.AddModuleDatabase<GradebookDbContext>("gradebook");
        services.AddScoped<IAutomaticScores, ResultScores>();
        services.AddScoped<ICompetitionScores, FinalBoardScores>();
        services.AddScoped<Gradebook>();
        services.AddScoped<Rescorer>();
        return services;
    }
}
