using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Course.Grader.Web.Api;

/// <summary>
/// The OpenAPI document of <c>/api</c> (<c>GET /openapi/v1.json</c>), made by ASP.NET Core's own generator from the
/// endpoints themselves: request and response types from their handlers, ProblemDetails errors from
/// <see cref="ApiGroups"/>, and for each route the roles that may call it (<c>x-roles</c>, also in its description)
/// and the bearer token it takes.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";

    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            // The pages and the webhook are not the API: they take a browser's cookie or GitHub's signature.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Course grader API";
                document.Info.Description = "Every route takes `Authorization: Bearer TOKEN` (`grader users token LOGIN`); "
                    + "x-roles names the roles that may call it. Errors are ProblemDetails (application/problem+json).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A token printed by `grader users token LOGIN`.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeRolesAsync);
        });

    private static async Task DescribeRolesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var roles = await EndpointRoles.OfAsync(policies, context.Description.ActionDescriptor.EndpointMetadata.ToList()) ?? [];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray(roles.Select(role => (JsonNode?)role).ToArray()));
        var who = roles.Count == 0 ? "anyone" : string.Join(", ", roles);
        operation.Description = operation.Description is { Length: > 0 } text ? $"{text}\n\nRoles: {who}." : $"Roles: {who}.";
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
    }
}
