using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Grader.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.OpenApi;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The OpenAPI document a real <c>grader serve</c> host serves: valid OpenAPI 3, and for every <c>/api</c> endpoint the
/// app has (read from its EndpointDataSource, so a route added without a description fails here) an operation with
/// its roles, a bearer requirement, a success response and ProblemDetails errors.
/// </summary>
public sealed partial class OpenApiDocumentTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(), TestCourse.CreateAsync(students: ["ana"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Document_ServedByTheServer_IsOpenApi3AndDescribesEveryApiEndpoint()
    {
        using var response = await _bed.Client.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = OpenApiDocument.Parse(text, "json");
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Contains(read.Diagnostic.SpecificationVersion, new[] { OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1 });
        var document = JsonNode.Parse(text)!;
        Assert.StartsWith("3.", (string)document["openapi"]!, StringComparison.Ordinal);
        Assert.Equal("http", (string)document["components"]!["securitySchemes"]!["Bearer"]!["type"]!);
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("ProblemDetails"), "no ProblemDetails schema");

        var paths = document["paths"]!.AsObject();
        var endpoints = ApiEndpoints();
        Assert.Contains("POST /api/tokens", endpoints);
        foreach (var endpoint in endpoints)
        {
            var (method, path) = (endpoint.Split(' ')[0].ToLowerInvariant(), endpoint.Split(' ')[1]);
            var operation = Operation(paths, method, path);
            Assert.True(operation is not null, $"{endpoint} is not in the OpenAPI document");
            Assert.True(operation["x-roles"]?.AsArray().Count > 0, $"{endpoint} names no roles");
            Assert.Contains("Roles: ", (string?)operation["description"], StringComparison.Ordinal);
            Assert.True(operation["security"]?[0]?["Bearer"] is not null, $"{endpoint} has no bearer requirement");
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{endpoint} has no success response");
            foreach (var status in new[] { "400", "401", "403", "404" })
            {
                var schema = responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"];
                Assert.True((string?)schema == "#/components/schemas/ProblemDetails", $"{endpoint} {status} is not a ProblemDetails");
            }
        }

        Assert.Equal(["instructor"], Operation(paths, "post", "/api/tokens")!["x-roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["instructor", "ta"], Operation(paths, "get", "/api/pushes")!["x-roles"]!.AsArray().Select(r => (string)r!));
        Assert.NotNull(Operation(paths, "post", "/api/tokens")!["requestBody"]?["content"]?["application/json"]);
    }

    /// <summary>The operation of <paramref name="method"/> on <paramref name="path"/>, written with or without a final slash.</summary>
    private static JsonNode? Operation(JsonObject paths, string method, string path) =>
        paths.SingleOrDefault(p => p.Key.TrimEnd('/') == path).Value?[method];

    /// <summary>Every <c>/api</c> route of the running app as "METHOD /path" with plain parameters, as OpenAPI writes them.</summary>
    private List<string> ApiEndpoints() =>
        _bed.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + Constraint().Replace(e.RoutePattern.RawText!, "{${name}}").Trim('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .ToList();

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex Constraint();
}
