namespace Course.Assignments.Roster;

/// <summary>An enrolled student as other modules see them. <see cref="Login"/> is the course's key; <see cref="GitHub"/> maps repositories.</summary>
public sealed record RosterStudent(string Login, string Name, string Email, string? Section, string GitHub);
