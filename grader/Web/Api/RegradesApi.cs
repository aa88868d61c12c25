using System.Security.Claims;
using Course.Core.Errors;
using Course.Grader.Grades.Regrades;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/regrades</c>: a signed-in student asks for a regrade of one item and follows the thread of their
/// team's requests; staff list the open ones (by assignment), answer and resolve them. A request the viewer
/// may not see answers 404 like a missing one; bad input answers 400 naming the field.
/// </summary>
internal static class RegradesApi
{
    public static IEndpointRouteBuilder MapRegradesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/regrades", "Regrades");
        api.MapGet("", ListAsync);
        api.MapGet("/{id}", ShowAsync);
        api.MapPost("/{id}/messages", ReplyAsync);
        api.MapPost("", AskAsync).RequireAuthorization(Roles.StudentPolicy);
        api.MapPost("/{id}/resolve", ResolveAsync).RequireAuthorization(Roles.StaffPolicy);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<RegradeView>>> ListAsync(string? assignment, bool? all, ClaimsPrincipal user, RegradeDesk desk,
        CancellationToken cancellation) =>
        TypedResults.Ok(await desk.ListAsync(user.Identity!.Name!, assignment, all ?? false, cancellation));

    internal static async Task<Ok<RegradeView>> ShowAsync(string id, ClaimsPrincipal user, RegradeDesk desk, CancellationToken cancellation) =>
        TypedResults.Ok(await desk.ShowAsync(user.Identity!.Name!, id, cancellation));

    internal static async Task<Created<RegradeView>> AskAsync(RegradeAskBody? body, ClaimsPrincipal user, RegradeDesk desk,
        CancellationToken cancellation)
    {
        var request = await desk.AskAsync(user.Identity!.Name!, Required(body?.Assignment, "assignment"), Required(body?.Item, "item"),
            Required(body?.Message, "message"), cancellation);
        return TypedResults.Created($"/api/regrades/{request.Id:N}", request);
    }

    internal static async Task<Ok<RegradeView>> ReplyAsync(string id, RegradeReplyBody? body, ClaimsPrincipal user, RegradeDesk desk,
        CancellationToken cancellation) =>
        TypedResults.Ok(await desk.ReplyAsync(user.Identity!.Name!, id, Required(body?.Message, "message"), cancellation));

    internal static async Task<Ok<RegradeView>> ResolveAsync(string id, RegradeResolveBody? body, ClaimsPrincipal user, RegradeDesk desk,
        CancellationToken cancellation) =>
        TypedResults.Ok(await desk.ResolveAsync(user.Identity!.Name!, id, body?.Score, Required(body?.Reason, "reason"), cancellation));

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new BadInputException($"{field}: is required") : value;
}

internal sealed record RegradeAskBody(string? Assignment, string? Item, string? Message);

internal sealed record RegradeReplyBody(string? Message);

/// <param name="Score">New score as a fraction 0..1 of the assignment's points; absent or null: unchanged.</param>
internal sealed record RegradeResolveBody(double? Score, string? Reason);
