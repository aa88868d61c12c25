using Course.Assignments.Courses;
using Course.Assignments.Model;
using Microsoft.EntityFrameworkCore;

namespace Course.Assignments.Roster;

/// <summary>
/// <see cref="IRoster"/> over the module's tables. A team lookup is a search in <see cref="TeamsAsync"/>,
/// so every caller meets the same teams.
/// </summary>
internal sealed class RosterReader(AssignmentsDbContext db, ICourseProvider course) : IRoster
{
    public async Task<RosterStudent?> StudentAsync(string login, CancellationToken cancellation) =>
        await db.Students.AsNoTracking().Where(s => s.Login == login)
            .Select(s => new RosterStudent(s.Login, s.Name, s.Email, s.Section, s.GitHub)).FirstOrDefaultAsync(cancellation);

    public async Task<IReadOnlyList<RosterStudent>> StudentsAsync(CancellationToken cancellation) =>
        await db.Students.AsNoTracking().OrderBy(s => s.Login)
            .Select(s => new RosterStudent(s.Login, s.Name, s.Email, s.Section, s.GitHub)).ToListAsync(cancellation);

    public StaffMember? Staff(string login) => course.Course.Staff.FirstOrDefault(s => s.Login == login);

    public async Task<IReadOnlyList<RosterTeam>> TeamsAsync(string assignment, CancellationToken cancellation)
    {
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.Assignment == assignment).ToListAsync(cancellation);
        var formed = (await db.Teams.AsNoTracking().Where(t => t.Assignment == assignment).ToListAsync(cancellation))
            .Select(t => new RosterTeam(t.Name, members.Where(m => m.TeamId == t.Id).Select(m => m.Login).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var placed = members.Select(m => m.Login).ToHashSet(StringComparer.Ordinal);
        var names = formed.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var logins = await db.Students.AsNoTracking().Select(s => s.Login).ToListAsync(cancellation);

        // A student whose login a formed team already bears (only possible in data older than the
        // name check on import) gets no team of one rather than someone else's team.
        var alone = logins.Where(l => !placed.Contains(l) && !names.Contains(l)).Select(RosterTeam.OfOne);
        return formed.Concat(alone).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<RosterTeam?> TeamAsync(string assignment, string team, CancellationToken cancellation) =>
        (await TeamsAsync(assignment, cancellation)).FirstOrDefault(t => t.Name == team);

    public async Task<RosterTeam?> TeamOfAsync(string assignment, string login, CancellationToken cancellation) =>
        (await TeamsAsync(assignment, cancellation)).FirstOrDefault(t => t.Members.Contains(login, StringComparer.Ordinal));

    public async Task<VisibleWork> VisibleWorkAsync(string viewer, CancellationToken cancellation)
    {
        if (Staff(viewer) is not null)
        {
            return VisibleWork.Everything;
        }

        var teams = await (from member in db.TeamMembers.AsNoTracking()
                           join team in db.Teams.AsNoTracking() on member.TeamId equals team.Id
                           where member.Login == viewer
                           select new { team.Assignment, team.Name }).ToListAsync(cancellation);
        return VisibleWork.Of(viewer, teams.ToDictionary(t => t.Assignment, t => t.Name, StringComparer.Ordinal));
    }
}
