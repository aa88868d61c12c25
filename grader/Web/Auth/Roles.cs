namespace Course.Grader.Web.Auth;

/// <summary>Role names in API principals: staff roles come from course.json, everyone else in the roster is a student.</summary>
internal static class Roles
{
    public const string Instructor = "instructor";
    public const string Ta = "ta";
    public const string Student = "student";

    /// <summary>The authorization policy that admits TAs and instructors.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>
    /// The authorization policy that admits instructors only: what a TA may not do (finalize a board, token admin;
    /// credits import and issue when they come to the API).
    /// </summary>
    public const string InstructorPolicy = "instructor";

    /// <summary>The authorization policy that admits students only (their own credits).</summary>
    public const string StudentPolicy = "student";
}
