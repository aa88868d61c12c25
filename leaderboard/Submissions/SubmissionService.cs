using System.Globalization;
using System.Security.Cryptography;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
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
        var (competition, team, receivedAt, day) = await PrepareAsync(request.Assignment, request.Team, request.IdempotencyKey,
            request.ReceivedAt, cancellation);
        if (await CheckRulesAsync(competition, team, receivedAt, day, request.IdempotencyKey, cancellation) is { } earlier)
        {
            return earlier;
        }

        // Scoring is CPU work on a file: done before the write transaction so writers wait as little as possible.
        var (status, report, error) = Score(competition, request.PredictionsPath);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        await db.LockTeamDayAsync(competition.Id, team.Name, day, cancellation);
        // Again under the team's lock: a concurrent submission, finalization or the same key may have come since.
        if (await CheckRulesAsync(competition, team, receivedAt, day, request.IdempotencyKey, cancellation) is { } recorded)
        {
            return recorded;
        }

        if (await FindAsync(request.IdempotencyKey, cancellation) is { } failed)
        {
            db.Submissions.Remove(failed);
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

    public async Task<SubmissionReceipt?> CheckCanSubmitAsync(string assignment, string team, string idempotencyKey, CancellationToken cancellation)
    {
        var (competition, resolved, receivedAt, day) = await PrepareAsync(assignment, team, idempotencyKey, receivedAt: null, cancellation);
        return await CheckRulesAsync(competition, resolved, receivedAt, day, idempotencyKey, cancellation);
    }

    public async Task<SubmissionReceipt> RecordInfrastructureFailureAsync(SubmissionRequest request, string reason, CancellationToken cancellation)
    {
        var (_, team, receivedAt, day) = await PrepareAsync(request.Assignment, request.Team, request.IdempotencyKey,
            request.ReceivedAt, cancellation);
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

    /// <summary>The competition (the assignment must be one), the team (a name or a member's login) and the day of the submission.</summary>
    private async Task<(Competition, RosterTeam, DateTimeOffset, string)> PrepareAsync(string assignment, string team, string idempotencyKey,
        DateTimeOffset? receivedAt, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            throw new BadInputException("a submission needs an idempotency key");
        }

        var competition = Competition.Find(course, assignment);
        var resolved = TeamResolver.Resolve(await teams.TeamsAsync(assignment, cancellation), assignment, team);
        var at = receivedAt ?? clock.GetUtcNow();
        return (competition, resolved, at, DayText(competition.Times.Day(at)));
    }

    /// <summary>
    /// The rules a submission must pass, one place for the check before an upload is read and for the
    /// submission itself: the earlier receipt when the key was recorded (an infrastructure failure
    /// aside), else null when the competition is open and the team has submissions left today.
    /// </summary>
    private async Task<SubmissionReceipt?> CheckRulesAsync(Competition competition, RosterTeam team, DateTimeOffset receivedAt, string day,
        string idempotencyKey, CancellationToken cancellation)
    {
        if (await FindAsync(idempotencyKey, cancellation) is { Status: not SubmissionStatus.InfrastructureFailed } existing)
        {
            return existing.Receipt(repeated: true);
        }

        await CheckOpenAsync(competition, receivedAt, cancellation);
        await CheckLimitAsync(competition, team, day, cancellation);
        return null;
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

    private async Task CheckLimitAsync(Competition competition, RosterTeam team, string day, CancellationToken cancellation)
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

    private Submission New(SubmissionRequest request, RosterTeam team, DateTimeOffset receivedAt, string day, SubmissionStatus status) =>
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
