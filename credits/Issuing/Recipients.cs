using Course.Assignments.Roster;
using Course.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Issuing;

/// <summary>Reads students and teams from the assignments module's roster (read only).</summary>
internal sealed class Recipients(AssignmentsDbContext roster)
{
    public sealed record Person(string Login, string Email);

    public async Task<IReadOnlyList<Person>> StudentsAsync(CancellationToken cancellation) =>
        await roster.Students.AsNoTracking().OrderBy(s => s.Login).Select(s => new Person(s.Login, s.Email)).ToListAsync(cancellation);

    public async Task<Person> StudentAsync(string login, CancellationToken cancellation) =>
        await roster.Students.AsNoTracking().Where(s => s.Login == login).Select(s => new Person(s.Login, s.Email))
            .FirstOrDefaultAsync(cancellation)
        ?? throw new NotFoundException($"student '{login}' is not on the roster (import it with 'grader roster import')");

    /// <summary>The given logins, all of which must be on the roster; the error lists every unknown one.</summary>
    public async Task<IReadOnlyDictionary<string, Person>> StudentsAsync(IEnumerable<string> logins, string context,
        CancellationToken cancellation)
    {
        var wanted = logins.Distinct(StringComparer.Ordinal).ToList();
        var found = await roster.Students.AsNoTracking().Where(s => wanted.Contains(s.Login))
            .ToDictionaryAsync(s => s.Login, s => new Person(s.Login, s.Email), StringComparer.Ordinal, cancellation);
        var missing = wanted.Where(l => !found.ContainsKey(l)).ToList();
        return missing.Count == 0
            ? found
            : throw new NotFoundException($"{context}: not on the roster: {string.Join(", ", missing)}");
    }

    /// <summary>Every member of every team of <paramref name="assignment"/>.</summary>
    public async Task<IReadOnlyList<Person>> TeamMembersAsync(string assignment, CancellationToken cancellation) =>
        await (from member in roster.TeamMembers.AsNoTracking()
               join student in roster.Students.AsNoTracking() on member.Login equals student.Login
               where member.Assignment == assignment
               orderby student.Login
               select new Person(student.Login, student.Email)).ToListAsync(cancellation);

    public async Task<IReadOnlyList<Person>> TeamAsync(string assignment, string team, CancellationToken cancellation)
    {
        var found = await roster.Teams.AsNoTracking().Include(t => t.Members)
            .FirstOrDefaultAsync(t => t.Assignment == assignment && (t.Name == team || t.Id == team), cancellation)
            ?? throw new NotFoundException($"team '{team}' of assignment '{assignment}' does not exist");
        var members = await StudentsAsync(found.Members.Select(m => m.Login), $"team '{team}'", cancellation);
        return members.Values.OrderBy(p => p.Login, StringComparer.Ordinal).ToList();
    }
}
