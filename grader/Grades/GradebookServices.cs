using Course.Core.Database;
using Course.Grader.Grades.CompiledModel;
using Course.Grader.Grades.Notices;
using Course.Grader.Grades.Projects;
using Course.Grader.Grades.Regrades;
using Course.Grader.Grades.Review;

namespace Course.Grader.Grades;

internal static class GradebookServices
{
    public static IServiceCollection AddGradebook(this IServiceCollection services)
    {
        services.AddModuleDatabase<GradebookDbContext>("gradebook", () => GradebookDbContextModel.Instance);
        services.AddScoped<IAutomaticScores, ResultScores>();
        services.AddScoped<ICompetitionScores, FinalBoardScores>();
        services.AddScoped<IGradeAudit, GradeAudit>();
        services.AddScoped<Gradebook>();
        services.AddScoped<Rescorer>();
        services.AddScoped<ExtensionGrants>();
        services.AddScoped<LateDayPreview>();
        services.AddScoped<FinalGrades>();
        services.AddScoped<GradeNotices>();
        services.AddScoped<GradeReleases>();
        services.AddScoped<DeadlineReminders>();
        services.AddScoped<RegradeDesk>();
        services.AddScoped<ProjectContributions>();
        services.AddScoped<TrainingCheckFailures>();
        services.AddScoped<ReviewQueue>();
        return services;
    }
}
