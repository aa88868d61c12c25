namespace Course.Grader.Submissions;

/// <summary>Whose work a repository is: a student's course login, or a formed team's name on that assignment (<see cref="Course.Assignments.Roster.IRoster"/>).</summary>
public sealed record SubmissionOwner(string Id, bool IsTeam);
