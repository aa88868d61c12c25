using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Grader.Tests.Grades;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// <c>/api/grades</c> and <c>/grades</c>: a student sees an assignment's grade only once staff released it, and only their
/// own; over Kestrel a student reads their own statement and late days only, staff grant extensions, and a reason staff
/// typed reaches the page encoded (course: <see cref="GradeBookCourse"/> with a pool of 2).
/// </summary>
public sealed class GradesApiTests
{
    private const string FinalGrade = """{ "categories": [{ "name": "all", "weight": 100, "assignments": ["hw1", "hw3", "hw4"] }], "letters": [{ "letter": "P", "min": 50 }, { "letter": "F", "min": 0 }] }""";

    private static Task<WebTestBed> StartGradeBookAsync()
    {
        // 2026-10-14 12:00 in New York: two days after the 2026-10-12 23:59 deadlines.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 14, 16, 0, 0, TimeSpan.Zero));
        return WebTestBed.StartOnKestrelAsync(clock, GradeBookCourse.CreateAsync(clock, finalGrade: FinalGrade));
    }

    [Fact]
    public async Task Student_OwnStatementAndLateDays_OthersForbidden()
    {
        await using var bed = await StartGradeBookAsync();
        await GradeBookCourse.RunAsync(bed.Course, "grades", "override", "hw4", "--student", "ana", "--score", "1", "--reason",
            "<script>alert(1)</script> regrade", "--by", "prof");
        await bed.SignInAsync("ana");

        var final = await bed.Client.GetFromJsonAsync<JsonElement>("/api/grades/final");
        var days = await bed.Client.GetFromJsonAsync<JsonElement>("/api/grades/late-days?assignment=hw1");
        var peek = await bed.Client.GetAsync("/api/grades/final?student=ben");
        var grant = await bed.Client.PostAsJsonAsync("/api/grades/extensions", new { assignment = "hw1", student = "ana", until = "2026-10-20T23:59", reason = "me" });
        var page = await bed.Client.GetStringAsync("/grades");

        // hw4 counts 1 of 3 equally weighted assignments: 100 / 3 percent.
        Assert.Equal((100 * (1.0 / 3), "F"), (final.GetProperty("percent").GetDouble(), final.GetProperty("letter").GetString()));
        Assert.Equal((2, 2, 2), (days.GetProperty("left").GetInt32(), days.GetProperty("pushNow").GetProperty("charge").GetProperty("daysLate").GetInt32(),
            days.GetProperty("pushNow").GetProperty("charge").GetProperty("daysUsed").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        Assert.Contains("2 of 2 late day(s) left", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; regrade", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_GrantExtension_StudentsPushNowOnTime()
    {
        await using var bed = await StartGradeBookAsync();
        await bed.SignInAsync("prof");
        var granted = await bed.Client.PostAsJsonAsync("/api/grades/extensions",
            new { assignment = "hw1", student = "ben", until = "2026-10-16T23:59", reason = "family emergency" });
        var unknown = await bed.Client.PostAsJsonAsync("/api/grades/extensions",
            new { assignment = "hw1", student = "nobody", until = "2026-10-16T23:59", reason = "r" });
        var staffView = await bed.Client.GetFromJsonAsync<JsonElement>("/api/grades/late-days?student=ben&assignment=hw1");

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("student", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0, true), (staffView.GetProperty("pushNow").GetProperty("charge").GetProperty("daysLate").GetInt32(),
            staffView.GetProperty("pushNow").GetProperty("extended").GetBoolean()));
    }

    [Fact]
    public async Task Grades_BeforeAndAfterRelease_HiddenThenShownToTheirOwnerOnly()
    {
        await using var bed = await WebTestBed.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)),
            TestCourse.CreateAsync(students: ["ana", "ben"]));
        await bed.Course.GradedSubmissionAsync("ana", "all good");
        await bed.SignInAsync("ana");
        var before = await bed.Client.GetFromJsonAsync<JsonElement>("/api/grades");
        Assert.Equal(0, (await bed.Course.RunAsync("grades", "release", TestCourse.Assignment, "--by", "prof")).Exit);
        var after = await bed.Client.GetFromJsonAsync<JsonElement>("/api/grades");
        await bed.SignInAsync("ben");
        var peek = await bed.Client.GetAsync("/api/grades?student=ana");
        await bed.SignInAsync("prof");
        var staff = await bed.Client.GetFromJsonAsync<JsonElement>("/api/grades?student=ana");
        var unnamed = await bed.Client.GetAsync("/api/grades");

        Assert.Empty(before.GetProperty("assignments").EnumerateObject());
        Assert.Equal(1.0, after.GetProperty("assignments").GetProperty(TestCourse.Assignment).GetProperty("fraction").GetDouble());
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        Assert.Equal("ana", staff.GetProperty("login").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("student:", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
