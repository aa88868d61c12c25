using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;

namespace Course.Credits.Issuing;

/// <summary>Issuing by policy, by hand, on request and as prizes; every path goes through <see cref="CodeIssuer"/>.</summary>
internal sealed class CreditIssuing(CodeIssuer issuer, Recipients recipients, ICourseProvider course, TimeProvider clock)
    : ICreditPrizes, ICreditRequests
{
    /// <summary>Runs a perStudent or perTeamMember policy: one code per student, idempotent. <paramref name="actor"/> null: this process's user.</summary>
    public async Task<IssueReport> RunPolicyAsync(string name, string? actor, CancellationToken cancellation)
    {
        var policy = Policy(name);
        RequireOpen(policy, "nothing is issued before then");

        var people = policy.Kind switch
        {
            CreditPolicyKind.PerStudent => await recipients.StudentsAsync(cancellation),
            CreditPolicyKind.PerTeamMember => await recipients.TeamMembersAsync(policy.Assignment!, cancellation),
            _ => throw new BadInputException(
                $"credits.policies '{name}' is on request: students ask for it ('grader credits request --student LOGIN --policy {name}')"),
        };
        return await IssueEachAsync(people, p => new IssueRequest(p.Login, p.Email, policy.Provider, policy.Value,
            $"policy:{name}:{p.Login}", 1, Actor: actor), cancellation);
    }

    public async Task<IssueResult> RequestAsync(string login, string policy, CancellationToken cancellation)
    {
        var spec = Policy(policy);
        if (spec.Kind != CreditPolicyKind.OnRequest)
        {
            throw new BadInputException($"credits.policies '{policy}' is {spec.Kind}, not onRequest: codes are issued to everyone it covers");
        }

        RequireOpen(spec, "a code can be requested from then on");
        var student = await recipients.StudentAsync(login, cancellation);
        return await issuer.IssueAsync(new IssueRequest(student.Login, student.Email, spec.Provider, spec.Value,
            $"policy:{policy}:{login}", spec.Allowance), cancellation);
    }

    /// <summary>A code by hand: every call issues another one (staff decide).</summary>
    public async Task<IssueResult> IssueToStudentAsync(string login, string provider, double value, CancellationToken cancellation)
    {
        var student = await recipients.StudentAsync(login, cancellation);
        return await issuer.IssueAsync(new IssueRequest(student.Login, student.Email, provider, value, $"manual:{login}", null),
            cancellation);
    }

    /// <summary>One code to each member of a team, idempotent per (assignment, team, member).</summary>
    public async Task<IssueReport> IssueToTeamAsync(string assignment, string team, string provider, double value,
        CancellationToken cancellation)
    {
        course.Assignment(assignment);
        var members = await recipients.TeamAsync(assignment, team, cancellation);
        return await IssueEachAsync(members, p => new IssueRequest(p.Login, p.Email, provider, value,
            $"team:{assignment}:{team}:{p.Login}", 1), cancellation);
    }

    public async Task<IssueReport> AwardPrizesAsync(string assignment, IReadOnlyList<PrizeWinner> winners,
        CancellationToken cancellation)
    {
        var prizes = course.Assignment(assignment).Competition?.Prizes
            ?? throw new BadInputException($"assignment '{assignment}' is not a competition: it has no prizes");
        var awarded = winners
            .Select(w => (Winner: w, Prize: prizes.FirstOrDefault(p => p.Rank == w.Rank)))
            .Where(w => w.Prize is not null)
            .ToList();
        var doubled = awarded.SelectMany(w => w.Winner.Members).GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (doubled.Count > 0)
        {
            throw new BadInputException($"prizes of '{assignment}': in more than one winning team: {string.Join(", ", doubled)}");
        }

        var people = await recipients.StudentsAsync(awarded.SelectMany(w => w.Winner.Members), $"prizes of '{assignment}'", cancellation);
        var results = new List<IssueResult>();
        foreach (var (winner, prize) in awarded.OrderBy(w => w.Winner.Rank))
        {
            foreach (var login in winner.Members)
            {
                var person = people[login];
                results.Add(await issuer.IssueAsync(new IssueRequest(login, person.Email, prize!.Provider, prize.Value,
                    $"prize:{assignment}:{login}", 1), cancellation));
            }
        }

        return new IssueReport(results);
    }

    private CreditPolicySpec Policy(string name)
    {
        var credits = course.Course.Credits ?? throw new BadInputException("course.json has no credits section");
        return credits.Policies.FirstOrDefault(p => p.Name == name) ?? throw new NotFoundException(
            $"credits policy '{name}' is not in course.json (known: {string.Join(", ", credits.Policies.Select(p => p.Name))})");
    }

    /// <summary>A policy with a <c>from</c> date issues nothing before it, whoever asks.</summary>
    private void RequireOpen(CreditPolicySpec policy, string meaning)
    {
        if (PolicyOpening.Pending(policy, course.Times, clock) is not null)
        {
            throw new BadInputException($"credits policy '{policy.Name}' starts on {policy.From} ({course.Times.Zone.Id}): {meaning}");
        }
    }

    private async Task<IssueReport> IssueEachAsync(IEnumerable<RosterStudent> people, Func<RosterStudent, IssueRequest> request,
        CancellationToken cancellation)
    {
        var results = new List<IssueResult>();
        foreach (var person in people)
        {
            results.Add(await issuer.IssueAsync(request(person), cancellation));
        }

        return new IssueReport(results);
    }
}
