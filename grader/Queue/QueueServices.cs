using Course.Core.Database;
using Course.Core.Settings;
using Course.Grader.Grading;
using Course.Grader.Grading.Training;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Grader.Submissions.CompiledModel;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Course.Grader.Queue;

/// <summary>Registers submissions, the queue, workers and grading runs (called from <see cref="GraderModule"/>).</summary>
internal static class QueueServices
{
    public static IServiceCollection AddGradingPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<GraderDbContext>("grader", () => GraderDbContextModel.Instance);
        services.AddSettings(_ => QueueOptions.From(configuration));
        services.AddSingleton(new SnapshotLimits());
        services.AddSingleton<GradingPaths>();
        services.AddScoped<JobQueue>();
        services.AddScoped<GradeRequests>();
        services.AddScoped<JobsView>();
        services.AddScoped<CourseSetup>();
        services.AddScoped<BlockedJobs>();
        services.AddScoped<GradingInputs>();
        services.AddScoped<JobReruns>();
        services.AddScoped<ComputeBudget>();
        services.AddScoped<QueueEstimate>();
        services.AddScoped<SubmissionRecorder>();
        services.AddScoped<RosterLookup>();
        services.AddScoped<IIntakeSource, LocalGitIntake>();
        services.AddSingleton<KnownHeads>();
        services.AddScoped<SubmissionGrader>();
        services.AddScoped<CalibratedBaseline>();
        services.AddScoped<StoredCalibrations>();
        services.AddScoped<LegacyFiles>();
        services.AddBlobStore(configuration);
        services.AddSingleton<JobRunner>();
        services.AddSingleton<QueueWorker>();
        services.AddSingleton<IGradingSandbox, SandboxAdapter>();
        // A real scorer registered earlier (the leaderboard's adapter) wins over this stand-in.
        services.TryAddSingleton<ICompetitionScorer, UnavailableScorer>();
        return services;
    }
}
