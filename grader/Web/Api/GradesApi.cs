using System.Security.Claims;
using Course.Grader.Grades;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/grades</c>: the signed-in student's final-grade statement (with the history of their grade changes) and
/// late days (with what a push now would cost, <c>?assignment=</c>); staff read any student's with <c>?student=</c>
/// and grant extensions.
/// </summary>
internal static class GradesApi
{
    public static IEndpointRouteBuilder MapGradesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/grades").RequireAuthorization();
        api.MapGet("/final", FinalAsync);
        api.MapGet("/late-days", LateDaysAsync);
        api.MapPost("/extensions", ExtendAsync).RequireAuthorization(Roles.StaffPolicy);
        return routes;
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

/// <summary>An extension to grant: the assignment, the student or the team, the new deadline (course time zone) and why.</summary>
internal sealed record ExtensionBody(string? Assignment, string? Student, string? Team, string? Until, string? Reason);
