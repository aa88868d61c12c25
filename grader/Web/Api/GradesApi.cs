using System.Security.Claims;
using Course.Core.Errors;
using Course.Grader.Grades;
using Course.Grader.Grades.Notices;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>GET /api/grades[?student=]</c>: a student's grades on the assignments whose grades staff released
/// (<c>grader grades release</c>); nothing of an unreleased assignment. A student reads their own; staff name the student.
/// </summary>
internal static class GradesApi
{
    public static IEndpointRouteBuilder MapGradesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/grades", ShowAsync).RequireAuthorization();
        return routes;
    }

    internal static async Task<Results<Ok<StudentGrades>, ForbidHttpResult>> ShowAsync(string? student, ClaimsPrincipal user, Gradebook gradebook,
        GradeReleases releases, CancellationToken cancellation)
    {
        var viewer = user.Identity!.Name!;
        var login = user.IsInRole(Roles.Student) ? viewer
            : string.IsNullOrWhiteSpace(student) ? throw new BadInputException("student: staff name the student whose grades to show (?student=LOGIN)")
            : student;
        if (student is not null && student != login)
        {
            return TypedResults.Forbid();
        }

        var released = await releases.ReleasedAsync(cancellation);
        var row = (await gradebook.ComputeAsync(cancellation)).FirstOrDefault(r => r.Login == login)
                  ?? throw new NotFoundException($"student: '{login}' is not an enrolled student");
        return TypedResults.Ok(new StudentGrades(login,
            row.Assignments.Where(a => released.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)));
    }
}

/// <summary>A student's released grades, by assignment.</summary>
internal sealed record StudentGrades(string Login, IReadOnlyDictionary<string, AssignmentGrade> Assignments);
