using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Every route of the app (API and pages), taken from its endpoints, called over a real socket by a student and by a TA:
/// each staff route refuses the student, each instructor-only route (finalize a board, token admin, the credits ledger, the instructor console) refuses the TA.
/// A route added later is checked without touching this test; the named routes keep the lists from passing empty.
/// </summary>
public sealed partial class StaffRoutesAuthorizationTests : IAsyncLifetime
{
    private const string Ta = "tia";

    private static readonly string[] InstructorOnly =
    [
        "GET /api/tokens", "POST /api/tokens", "POST /api/tokens/{id}/revoke", "POST /api/leaderboard/{assignment}/finalize",
        "GET /api/credits/ledger", "POST /api/credits/ledger/import", "POST /api/credits/ledger/policies/{policy}/issue",
        "POST /api/credits/ledger/{codeId}/replace", "POST /api/credits/ledger/spend",
        "GET /console", "POST /console", "GET /console/credits", "POST /console/credits", "GET /console/grades", "POST /console/grades",
        "GET /console/tokens", "POST /console/tokens", "POST /console/tokens", "POST /console/tokens/{id}/revoke",
        "POST /console/leaderboard/{assignment}/finalize", "POST /console/credits/import", "POST /console/credits/issue",
        "POST /console/credits/{codeId}/replace", "POST /console/credits/spend", "GET /console/grades/export",
    ];

    private static readonly string[] ReviewQueue =
    [
        "GET /api/review/{assignment}", "POST /api/review/{assignment}/reviewed", "GET /review", "GET /review/{Assignment}",
        "GET /review/{Assignment}/{Owner}", "POST /review/{assignment}/{owner}/override", "POST /review/{assignment}/{owner}/rubric",
        "POST /review/{assignment}/{owner}/rerun", "POST /review/{assignment}/{owner}/regrades/{id}/reply",
        "POST /review/{assignment}/{owner}/regrades/{id}/resolve", "POST /review/{assignment}/{owner}/reviewed",
    ];

    private static readonly string[] StaffOnly = ["GET /api/pushes", .. ReviewQueue, .. InstructorOnly];

    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(), WithTaAsync());

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task EveryStaffRoute_Student_IsRefused()
    {
        var staffRoutes = await RoutesAsync(roles => roles.Contains("instructor") && !roles.Contains("student"));
        Assert.Superset(StaffOnly.ToHashSet(), staffRoutes.Select(r => r.Name).ToHashSet());

        await AssertRefusedAsync("ana", staffRoutes);
    }

    [Fact]
    public async Task EveryInstructorRoute_Ta_IsRefused()
    {
        var instructorRoutes = await RoutesAsync(roles => roles.Contains("instructor") && !roles.Contains("ta"));
        Assert.Equal(InstructorOnly.Order(StringComparer.Ordinal), instructorRoutes.Select(r => r.Name).Order(StringComparer.Ordinal));

        await AssertRefusedAsync(Ta, instructorRoutes);
    }

    [Fact]
    public async Task TokenAdmin_Instructor_IssuesAndRevokesOverTheApi()
    {
        _bed.UseToken(await _bed.TokenAsync("prof"));

        using var issued = await _bed.Client.PostAsync("/api/tokens", Json("""{"login": "ana", "expires": "12h"}"""));
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        using var revoked = await _bed.Client.PostAsync($"/api/tokens/{token["id"]}/revoke", null);
        _bed.UseToken((string)token["token"]!);
        using var me = await _bed.Client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    private async Task AssertRefusedAsync(string login, IReadOnlyList<(string Name, string Method, string Path, bool Api, string ContentType)> routes)
    {
        var token = await _bed.TokenAsync(login);
        var session = await PageSignIn.SessionAsync(_bed.Client, token);
        foreach (var (name, method, path, api, contentType) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Sample(path)) { Content = method == "GET" ? null : Body(contentType) };
            if (api)
            {
                request.Headers.Authorization = new("Bearer", token);
            }
            else
            {
                request.Headers.Add("Cookie", session);
            }

            using var response = await _bed.Client.SendAsync(request);

            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || (!api && response.StatusCode == HttpStatusCode.Redirect),
                $"{login} got {(int)response.StatusCode} from {name}");
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                // A browser is shown a page that says who is signed in and why; an API client gets problem details.
                var body = await response.Content.ReadAsStringAsync();
                Assert.Equal(api ? "application/problem+json" : "text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.True(api || body.Contains($"You are signed in as {login}, and this page is for course staff", StringComparison.Ordinal),
                    $"{name} refused {login} with: {body}");
            }
        }
    }

    /// <summary>
    /// Every route whose admitted roles match <paramref name="refuses"/>, as "METHOD /pattern", with a content type it
    /// accepts (JSON unless it names others): a body it would not take is turned away before authorization is asked.
    /// </summary>
    private async Task<IReadOnlyList<(string Name, string Method, string Path, bool Api, string ContentType)>> RoutesAsync(
        Func<IReadOnlyList<string>, bool> refuses)
    {
        var services = _bed.Factory.Services;
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var routes = new List<(string, string, string, bool, string)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var roles = await EndpointRoles.OfAsync(policies, endpoint.Metadata.ToList());
            if (roles is null || !refuses(roles))
            {
                continue;
            }

            var path = "/" + Constraint().Replace(endpoint.RoutePattern.RawText!, "{${name}}").Trim('/');
            var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(($"{method} {path}", method, path, path.StartsWith("/api/", StringComparison.Ordinal), contentType));
            }
        }

        return routes;
    }

    /// <summary>A concrete path for a pattern: a known assignment, a new GUID, or a word for any other parameter.</summary>
    private static string Sample(string pattern) =>
        Parameter().Replace(pattern, match => match.Groups["name"].Value switch
        {
            "assignment" => TestCourse.Competition,
            "id" => Guid.NewGuid().ToString(),
            _ => "x",
        });

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static StringContent Body(string contentType) => new(contentType == "application/json" ? "{}" : "id\n1\n", Encoding.UTF8, contentType);

    private static async Task<TestCourse> WithTaAsync()
    {
        var course = await TestCourse.CreateAsync(competition: true, students: ["ana", "ben"]);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(course.CourseFile))!;
        json["staff"]!.AsArray().Add(new JsonObject { ["login"] = Ta, ["role"] = "ta", ["name"] = "Tia", ["email"] = "tia@example.edu" });
        await File.WriteAllTextAsync(course.CourseFile, json.ToJsonString());
        return course;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{(?<name>\w+)\}")]
    private static partial Regex Parameter();
}
