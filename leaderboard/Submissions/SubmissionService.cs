using System.Globalization;
using System.Security.Cryptography;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Leaderboard.Scoring;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Teams;
using Microsoft.EntityFrameworkCore;

namespace Course.Leaderboard.Submissions;

/// <summary>Scores and records submissions: idempotency, the deadline and the daily limit.</summary>
internal sealed class SubmissionService(LeaderboardDbContext db, ICourseProvider course, ITeamDirectory teams,
    SolutionCache solutions, TimeProvider clock) : ILeaderboard
{
    public async Task<SubmissionReceipt> SubmitAsync(SubmissionRequest request, CancellationToken cancellation)
    {
        var (competition, team, receivedAt, day) = await PrepareAsync(request, cancellation);
        var existing = await FindAsync(request.IdempotencyKey, cancellation);
        if (existing is { Status: not SubmissionStatus.InfrastructureFailed })
        {
            return existing.Receipt(repeated: true);
        }

        await CheckOpenAsync(competition, receivedAt, cancellation);
        await CheckLimitAsync(competition, team, day, cancellation);

        // Scoring is CPU work on a file: done before the write transaction so writers wait as little as possible.
        var (status, report, error) = Score(competition, request.PredictionsPath);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        await db.LockTeamDayAsync(competition.Id, team.Name, day, cancellation);
        existing = await FindAsync(request.IdempotencyKey, cancellation);
        if (existing is { Status: not SubmissionStatus.InfrastructureFailed })
        {
            return existing.Receipt(repeated: true);
        }

        await CheckLimitAsync(competition, team, day, cancellation);
        if (existing is not null)
        {
            db.Submissions.Remove(existing);
            await db.SaveChangesAsync(cancellation);
        }

        var submission = New(request, team, receivedAt, day, status);
        submission.PublicScore = report?.Public;
        submission.PrivateScore = report?.Private;
        submission.Error = error;
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return submission.Receipt(repeated: false);
    }

    public async Task<SubmissionReceipt> RecordInfrastructureFailureAsync(SubmissionRequest request, string reason, CancellationToken cancellation)
    {
        var (_, team, receivedAt, day) = await PrepareAsync(request, cancellation);
        if (await FindAsync(request.IdempotencyKey, cancellation) is { } existing)
        {
            return existing.Receipt(repeated: true);
        }

        var submission = New(request, team, receivedAt, day, SubmissionStatus.InfrastructureFailed);
        submission.Error = reason;
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellation);
        return submission.Receipt(repeated: false);
    }

    public async Task<int> RemainingTodayAsync(string assignment, string team, CancellationToken cancellation)
    {
        var competition = Competition.Find(course, assignment);
        var resolved = TeamResolver.Resolve(await teams.TeamsAsync(assignment, cancellation), assignment, team);
        var used = await db.CountedOnAsync(assignment, resolved.Name, DayText(competition.Times.Day(clock.GetUtcNow())), cancellation);
        return Math.Max(competition.Rules.DailyLimit - used, 0);
    }

    private async Task<(Competition, TeamInfo, DateTimeOffset, string)> PrepareAsync(SubmissionRequest request, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            throw new BadInputException("a submission needs an idempotency key");
        }

        var competition = Competition.Find(course, request.Assignment);
        var team = TeamResolver.Resolve(await teams.TeamsAsync(request.Assignment, cancellation), request.Assignment, request.Team);
        var receivedAt = request.ReceivedAt ?? clock.GetUtcNow();
        return (competition, team, receivedAt, DayText(competition.Times.Day(receivedAt)));
    }

    private async Task CheckOpenAsync(Competition competition, DateTimeOffset receivedAt, CancellationToken cancellation)
    {
        if (await db.IsFinalizedAsync(competition.Id, cancellation) || receivedAt > competition.Deadline)
        {
            throw new BadInputException($"competition {competition.Id} closed at its deadline {competition.Deadline:yyyy-MM-dd HH:mm zzz}");
        }

        if (receivedAt < competition.Release)
        {
            throw new BadInputException($"competition {competition.Id} opens at {competition.Release:yyyy-MM-dd HH:mm zzz}");
        }
    }

    private async Task CheckLimitAsync(Competition competition, TeamInfo team, string day, CancellationToken cancellation)
    {
        var limit = competition.Rules.DailyLimit;
        if (await db.CountedOnAsync(competition.Id, team.Name, day, cancellation) >= limit)
        {
            throw new DailyLimitException(competition.Id, team.Name, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                limit, competition.Times.Zone.Id);
        }
    }

    private (SubmissionStatus, ScoreReport?, string?) Score(Competition competition, string path)
    {
        var solution = solutions.Get(competition.SolutionPath, competition.Setup);
        try
        {
            return (SubmissionStatus.Scored, PredictionScorer.Score(solution, path, CsvLimits.Default), null);
        }
        catch (BadInputException invalid)
        {
            // The student's file is at fault: recorded (and counted) with the reason, never scored.
            return (SubmissionStatus.Invalid, null, invalid.Message);
        }
    }

    private Submission New(SubmissionRequest request, TeamInfo team, DateTimeOffset receivedAt, string day, SubmissionStatus status) =>
        new()
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Assignment = request.Assignment,
            Team = team.Name,
            Source = request.Source,
            SubmittedAt = receivedAt,
            Day = day,
            Status = status,
            IdempotencyKey = request.IdempotencyKey,
        };

    private Task<Submission?> FindAsync(string key, CancellationToken cancellation) =>
        db.Submissions.FirstOrDefaultAsync(s => s.IdempotencyKey == key, cancellation);

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
