using System.Security.Claims;
using Course.Core.Errors;
using Course.Grader.Grades;
using Course.Grader.Grades.Notices;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/grades</c>: a student's grades on the assignments whose grades staff released (<c>grader grades release</c>;
/// nothing of an unreleased assignment), their final-grade statement (with the history of their grade changes) and
/// late days (with what a push now would cost, <c>?assignment=</c>). A student reads their own; staff name the student
/// with <c>?student=</c> and grant extensions.
/// </summary>
internal static class GradesApi
{
    public static IEndpointRouteBuilder MapGradesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/grades", "Grades");
        api.MapGet("", ShowAsync);
        api.MapGet("/final", FinalAsync);
        api.MapGet("/late-days", LateDaysAsync);
        api.MapPost("/extensions", ExtendAsync).RequireAuthorization(Roles.StaffPolicy);
        return routes;
    }

    internal static async Task<Results<Ok<StudentGrades>, ForbidHttpResult>> ShowAsync(string? student, ClaimsPrincipal user, Gradebook gradebook,
        GradeReleases releases, CancellationToken cancellation)
    {
        if (StudentScope.Login(user, student, "grades") is not { } login)
        {
            return TypedResults.Forbid();
        }

        var released = await releases.ReleasedAsync(cancellation);
        var row = (await gradebook.ComputeAsync(cancellation)).FirstOrDefault(r => r.Login == login)
                  ?? throw new NotFoundException($"student: '{login}' is not an enrolled student");
        return TypedResults.Ok(new StudentGrades(login,
            row.Assignments.Where(a => released.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)));
    }

    internal static async Task<Results<Ok<FinalGradeStatement>, ForbidHttpResult>> FinalAsync(string? student, ClaimsPrincipal user,
        FinalGrades grades, CancellationToken cancellation) =>
        StudentScope.Login(user, student, "grades") is { } login
            ? TypedResults.Ok((await grades.ComputeAsync(login, cancellation)).Single())
            : TypedResults.Forbid();

    internal static async Task<Results<Ok<LateDayStatement>, ForbidHttpResult>> LateDaysAsync(string? student, string? assignment,
        ClaimsPrincipal user, LateDayPreview preview, CancellationToken cancellation) =>
        StudentScope.Login(user, student, "late days") is { } login
            ? TypedResults.Ok(await preview.ShowAsync(login, assignment, cancellation))
            : TypedResults.Forbid();

    internal static async Task<Created<Extension>> ExtendAsync(ExtensionBody body, ClaimsPrincipal user, ExtensionGrants grants,
        CancellationToken cancellation)
    {
        var granted = await grants.GrantAsync(body.Assignment ?? "", body.Student, body.Team, body.Until ?? "", body.Reason ?? "",
            user.Identity!.Name!, cancellation);
        return TypedResults.Created("/api/grades/final", granted);
    }
}

/// <summary>A student's released grades, by assignment.</summary>
internal sealed record StudentGrades(string Login, IReadOnlyDictionary<string, AssignmentGrade> Assignments);

/// <summary>An extension to grant: the assignment, the student or the team, the new deadline (course time zone) and why.</summary>
internal sealed record ExtensionBody(string? Assignment, string? Student, string? Team, string? Until, string? Reason);
