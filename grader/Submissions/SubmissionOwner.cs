namespace Course.Grader.Submissions;

/// <summary>Whose work a repository is: a student's course login, or a team id.</summary>
public sealed record SubmissionOwner(string Id, bool IsTeam);
