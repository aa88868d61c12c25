using System.Globalization;
using System.Text;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Leaderboard.Submissions;
using Course.Leaderboard.Tests.Support;

namespace Course.Leaderboard.Tests.Submissions;

/// <summary>
/// Fifty teams submit for two weeks under a fake clock (across the end of daylight saving time in
/// the course's zone); the expected boards are computed here from what each file predicted.
/// </summary>
public sealed class CompetitionSimulationTests : IDisposable
{
    private const int Rows = 200;
    private const int TeamCount = 50;
    private const int DailyLimit = 3;
    private const int FinalSelections = 2;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime FirstDay = new(2026, 10, 12);

    private readonly Random _random = new(2026);
    private readonly LeaderboardHarness _harness;
    private readonly int[] _truth;
    private readonly List<RosterTeam> _teams;
    private readonly List<Expected> _recorded = [];

    public CompetitionSimulationTests()
    {
        _teams = Enumerable.Range(0, TeamCount)
            .Select(t => new RosterTeam($"team-{t:00}", Enumerable.Range(0, 1 + (t % 3)).Select(m => $"s{t:00}-{m}").ToList()))
            .ToList();
        _harness = new LeaderboardHarness(FakeCourse.Competition(DailyLimit, FinalSelections), _teams, Local(FirstDay.AddHours(9)));
        _truth = Enumerable.Range(0, Rows).Select(_ => _random.Next(10)).ToArray();
        var solution = new StringBuilder("id,label,Usage\n");
        for (var i = 0; i < Rows; i++)
        {
            solution.Append(CultureInfo.InvariantCulture, $"r{i},{_truth[i]},{(IsPublic(i) ? "Public" : "Private")}\n");
        }

        _harness.Folder.Write("solution.csv", solution.ToString());
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task TwoWeeks_FiftyTeams_LimitsBoardsAndFinalSelectionsAreRight()
    {
        var refused = await SubmitForTwoWeeksAsync();
        await SelectAsync();

        // Limits: every attempt past the third counted one of a local day was refused, and no day has more.
        Assert.True(refused > 0, "the scenario never reached the daily limit");
        await using (var db = _harness.Database())
        {
            var perDay = db.Submissions.Where(s => s.Status != SubmissionStatus.InfrastructureFailed)
                .GroupBy(s => new { s.Team, s.Day }).Select(g => g.Count()).ToList();
            Assert.All(perDay, count => Assert.InRange(count, 1, DailyLimit));
            Assert.Contains(DailyLimit, perDay);
        }

        // Before the deadline: the public board only; finalize and the private board are refused.
        var publicBoard = await _harness.BoardsAsync(b => b.ShowAsync("comp", privateBoard: false, default));
        Assert.Equal(ExpectedPublic().Select(e => (e.Team, e.Id, e.Public!.Value)), publicBoard.Rows.Select(r => (r.Team, r.SubmissionId, r.Score)));
        Assert.Equal(ExpectedEntries(), publicBoard.Rows.ToDictionary(r => r.Team, r => r.Entries));
        await Assert.ThrowsAsync<BadInputException>(() => _harness.BoardsAsync(b => b.FinalizeAsync("comp", default)));
        await Assert.ThrowsAsync<BadInputException>(() => _harness.BoardsAsync(b => b.ShowAsync("comp", privateBoard: true, default)));

        // After the deadline: no more submissions; finalize gives the private board with the shake-up.
        _harness.Clock.SetUtcNow(Local(new DateTime(2026, 10, 27, 0, 30, 0)));
        await Assert.ThrowsAsync<BadInputException>(() => SubmitAsync("team-00", Predict(0.9), "late"));
        var privateBoard = await _harness.BoardsAsync(b => b.FinalizeAsync("comp", default));
        var expectedPrivate = ExpectedPrivate();
        Assert.Equal(expectedPrivate.Select(e => (e.Team, e.Id, e.Private!.Value)), privateBoard.Rows.Select(r => (r.Team, r.SubmissionId, r.Score)));
        var publicRanks = publicBoard.Rows.ToDictionary(r => r.Team, r => r.Rank);
        Assert.All(privateBoard.Rows, r => Assert.Equal(publicRanks[r.Team] - r.Rank, r.Shakeup));
        Assert.Contains(privateBoard.Rows, r => r.Shakeup != 0);

        var standings = await _harness.BoardsAsync(b => b.StandingsAsync("comp", default));
        Assert.Equal(privateBoard.Rows.Select(r => (r.Rank, r.Team, r.Score)), standings.Select(s => (s.Rank, s.Team, s.Score)));
        Assert.Equal(_teams.Single(t => t.Name == standings[0].Team).Members, standings[0].Members);
    }

    private async Task<int> SubmitForTwoWeeksAsync()
    {
        var skill = _teams.ToDictionary(t => t.Name, _ => 0.3 + (0.5 * _random.NextDouble()), StringComparer.Ordinal);
        var refused = 0;
        for (var day = 0; day <= 14; day++)
        {
            var date = FirstDay.AddDays(day);
            var attempts = _teams
                .SelectMany(t => Enumerable.Range(0, _random.Next(0, 5)).Select(_ => (Team: t.Name, Local: AttemptTime(date, day))))
                .OrderBy(a => Local(a.Local))
                .ToList();
            var counted = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (team, local) in attempts)
            {
                _harness.Clock.SetUtcNow(Local(local));
                var key = $"{team}/{_recorded.Count}/{refused}/{local:O}";
                var kind = _random.NextDouble();
                if (kind < 0.08)
                {
                    var failure = await _harness.SubmissionsAsync(s => s.RecordInfrastructureFailureAsync(Request(team, "unused", key), "engine down", default));
                    Assert.Equal(SubmissionStatus.InfrastructureFailed, failure.Status);
                    continue;
                }

                var quality = Math.Clamp(skill[team] + ((_random.NextDouble() - 0.5) * 0.3), 0, 1);
                var (file, expected) = kind < 0.13 ? (Invalid(), null) : Predict(quality);
                if (counted.GetValueOrDefault(team) >= DailyLimit)
                {
                    await Assert.ThrowsAsync<DailyLimitException>(() => SubmitAsync(team, (file, expected), key));
                    refused++;
                    continue;
                }

                var receipt = await SubmitAsync(team, (file, expected), key);
                counted[team] = counted.GetValueOrDefault(team) + 1;
                Assert.Equal(expected is null ? SubmissionStatus.Invalid : SubmissionStatus.Scored, receipt.Status);
                Assert.Equal(expected?.Public, receipt.PublicScore);
                _recorded.Add(new Expected(team, receipt.Id, receipt.SubmittedAt, expected?.Public, expected?.Private));

                if (_recorded.Count % 10 != 0)
                {
                    continue;
                }

                // A retried job with the same key records nothing new.
                var retry = await SubmitAsync(team, (file, expected), key);
                Assert.True(retry.Repeated);
                Assert.Equal(receipt.Id, retry.Id);
            }
        }

        return refused;
    }

    private async Task SelectAsync()
    {
        foreach (var (team, index) in _teams.Select((t, i) => (t.Name, i)))
        {
            var scored = _recorded.Where(r => r.Team == team && r.Public is not null).ToList();
            var picks = (index % 3) switch
            {
                0 => scored.OrderBy(r => r.Public).ThenBy(r => r.At).Take(FinalSelections).ToList(),
                2 => scored.Skip(scored.Count / 2).Take(1).ToList(),
                _ => [],
            };
            foreach (var pick in picks)
            {
                await _harness.BoardsAsync(b => b.SelectAsync("comp", team, pick.Id, remove: false, default));
                _selected.Add(pick.Id);
            }

            if (picks.Count == FinalSelections && scored.Except(picks).FirstOrDefault() is { } third)
            {
                await Assert.ThrowsAsync<BadInputException>(() => _harness.BoardsAsync(b => b.SelectAsync("comp", team, third.Id, false, default)));
            }
        }
    }

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);

    private List<Expected> ExpectedPublic() =>
        _recorded.Where(r => r.Public is not null).GroupBy(r => r.Team)
            .Select(g => g.OrderByDescending(r => r.Public).ThenBy(r => r.At).First())
            .OrderByDescending(r => r.Public).ThenBy(r => r.At).ToList();

    private List<Expected> ExpectedPrivate() =>
        _recorded.Where(r => r.Public is not null).GroupBy(r => r.Team)
            .Select(g =>
            {
                var chosen = g.Where(r => _selected.Contains(r.Id)).ToList();
                var finals = chosen.Count > 0 ? chosen : g.OrderByDescending(r => r.Public).ThenBy(r => r.At).Take(FinalSelections).ToList();
                return finals.OrderByDescending(r => r.Private).ThenBy(r => r.At).First();
            })
            .OrderByDescending(r => r.Private).ThenBy(r => r.At).ToList();

    private Dictionary<string, int> ExpectedEntries() =>
        _recorded.GroupBy(r => r.Team).Where(g => g.Any(r => r.Public is not null)).ToDictionary(g => g.Key, g => g.Count());

    private Task<SubmissionReceipt> SubmitAsync(string team, (string File, Scores? Expected) file, string key) =>
        _harness.SubmissionsAsync(s => s.SubmitAsync(Request(team, file.File, key), default));

    private static SubmissionRequest Request(string team, string file, string key) => new("comp", team, file, SubmissionSource.Upload, key);

    /// <summary>A file right on each row with probability <paramref name="quality"/>, and its true public and private accuracy.</summary>
    private (string, Scores?) Predict(double quality)
    {
        var text = new StringBuilder("id,label\n");
        int[] correct = [0, 0];
        for (var i = 0; i < Rows; i++)
        {
            var right = _random.NextDouble() < quality;
            correct[IsPublic(i) ? 0 : 1] += right ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"r{i},{(right ? _truth[i] : (_truth[i] + 1) % 10)}\n");
        }

        var publicRows = Enumerable.Range(0, Rows).Count(IsPublic);
        return (_harness.Folder.Write($"p{Guid.NewGuid():N}.csv", text.ToString()),
            new Scores((double)correct[0] / publicRows, (double)correct[1] / (Rows - publicRows)));
    }

    private string Invalid() => _harness.Folder.Write($"bad{Guid.NewGuid():N}.csv", "id,label\nr0,1\n");

    private DateTime AttemptTime(DateTime date, int day)
    {
        // Hours near midnight on purpose: the local day differs from the UTC day there.
        int[] hours = [0, 1, 9, 12, 18, 22, 23];
        var hour = hours[_random.Next(hours.Length)];
        if (day == 0)
        {
            hour = Math.Max(hour, 9);
        }

        return date.AddHours(hour).AddMinutes(_random.Next(day == 14 && hour == 23 ? 59 : 60));
    }

    private static DateTimeOffset Local(DateTime local) => new(local, Berlin.GetUtcOffset(local));

    private static bool IsPublic(int row) => row % 10 < 3;

    private sealed record Scores(double Public, double Private);

    private sealed record Expected(string Team, string Id, DateTimeOffset At, double? Public, double? Private);
}
