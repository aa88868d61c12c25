namespace Course.Assignments.Model;

public sealed record StaffMember(string Login, StaffRole Role, string? Name = null, string? Email = null);

public enum StaffRole
{
    Instructor,
    Ta,
}
