namespace Course.Grader.Web.Api;

/// <summary>
/// What every <c>/api</c> group shares: a signed-in caller (bearer token), and errors as ProblemDetails, which the
/// OpenAPI document (<c>/openapi/v1.json</c>) states for each route.
/// </summary>
internal static class ApiGroups
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder routes, string prefix, string tag) =>
        routes.MapGroup(prefix)
            .RequireAuthorization()
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
