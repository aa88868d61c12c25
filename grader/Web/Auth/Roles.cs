namespace Course.Grader.Web.Auth;

/// <summary>Role names in API principals: staff roles come from course.json, everyone else in the roster is a student.</summary>
internal static class Roles
{
    public const string Instructor = "instructor";
    public const string Ta = "ta";
    public const string Student = "student";

    /// <summary>The authorization policy that admits TAs and instructors.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>The authorization policy that admits students only (their own credits).</summary>
    public const string StudentPolicy = "student";
}
