using System.Security.Claims;
using Course.Core.Errors;
using Course.Grader.Web.Auth;

namespace Course.Grader.Web.Api;

/// <summary>Whose data a request reads: a student only their own; staff name the student with <c>?student=</c>.</summary>
internal static class StudentScope
{
    /// <summary>The student's login to read, or null when a student asks for someone else's.</summary>
    /// <param name="what">What is read (credits, grades), for the error telling staff to name the student.</param>
    public static string? Login(ClaimsPrincipal user, string? student, string what)
    {
        var login = user.Identity!.Name!;
        if (user.IsInRole(Roles.Student))
        {
            return student is null || student == login ? login : null;
        }

        return string.IsNullOrWhiteSpace(student)
            ? throw new BadInputException($"student: staff name the student whose {what} to show (?student=LOGIN)")
            : student;
    }
}
