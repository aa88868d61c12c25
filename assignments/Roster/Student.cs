namespace Course.Assignments.Roster;

/// <summary>An enrolled student. <see cref="Login"/> is the course's key; <see cref="GitHub"/> maps repositories.</summary>
internal sealed class Student
{
    public required string Login { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public string? Section { get; set; }

    public required string GitHub { get; set; }
}
