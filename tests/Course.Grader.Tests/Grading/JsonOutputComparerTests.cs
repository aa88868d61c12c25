using Course.Grader.Grading;

namespace Course.Grader.Tests.Grading;

public sealed class JsonOutputComparerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "course-grader-tests", Guid.NewGuid().ToString("N"));

    public JsonOutputComparerTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Actual, string Expected) Files(string actual, string expected)
    {
        var a = Path.Combine(_folder, "actual.json");
        var e = Path.Combine(_folder, "expected.json");
        File.WriteAllText(a, actual);
        File.WriteAllText(e, expected);
        return (a, e);
    }

    [Theory]
    [InlineData("""{"p":[0.1,0.9]}""", """{"p":[0.1000001,0.8999999]}""")]
    [InlineData("""[1,2,"x",true,null]""", """[1.0000001,2,"x",true,null]""")]
    public void Compare_WithinTolerance_Matches(string actual, string expected)
    {
        var (a, e) = Files(actual, expected);

        var problem = JsonOutputComparer.Compare(a, e, 1e-5);

        Assert.Null(problem);
    }

    [Theory]
    [InlineData("""{"p":[0.1,0.8]}""", """{"p":[0.1,0.9]}""", "$.p[1]")]
    [InlineData("""{"p":[0.1]}""", """{"p":[0.1,0.9]}""", "$.p: your array has 1 items; its length differs")]
    [InlineData("""{"q":1}""", """{"p":1}""", "$: your object lacks a member")]
    [InlineData("""{"p":"1"}""", """{"p":1}""", "$.p: your value \"1\" is not the kind of value expected")]
    [InlineData("""{"p":1,}""", """{"p":1}""", "not valid JSON")]
    [InlineData("""{"p":1} // 100 points""", """{"p":1}""", "not valid JSON")]
    public void Compare_Different_SaysWhere(string actual, string expected, string fragment)
    {
        var (a, e) = Files(actual, expected);

        var problem = JsonOutputComparer.Compare(a, e, 1e-5);

        Assert.Contains(fragment, problem);
    }

    [Theory]
    [InlineData("""{"items":[1,2]}""", "$.items: your array has 2 items; its length differs from the expected output")]
    [InlineData("""{"items":[1,2,3,4,5,6,0.5]}""", "$.items[6]: your value 0.5 is not within 0.001 of the expected value")]
    [InlineData("""{"items":{"a":1}}""", "$.items: your value (an object) is not the kind of value expected here")]
    [InlineData("""{"items":[1,2,3,4,5,6,7.25],"answer":"guess"}""", "$.answer: your value \"guess\" is not the expected value")]
    [InlineData("""{"items":[1,2,3,4,5,6,7.25],"answer":false}""", "$.answer: your value false is not the kind of value expected here")]
    [InlineData("""{"items":[1,2,3,4,5,6,7.25],"answer":"s3cr3t-answer","hidden":{}}""", "$.hidden: your object lacks a member the expected output has")]
    [InlineData("""[]""", "$: your value (an array) is not the kind of value expected here")]
    public void Compare_Different_SaysWhatIsWrongButNeverTheExpectedValueOrLength(string actual, string message)
    {
        var (a, e) = Files(actual, """{"items":[1,2,3,4,5,6,7.25],"answer":"s3cr3t-answer","hidden":{"s3cr3t-key":1}}""");

        var problem = JsonOutputComparer.Compare(a, e, 1e-3);

        Assert.Equal(message, problem);
        Assert.DoesNotContain("s3cr3t", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("7", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MemberOfSharedFile_OnlyThatMemberCounts()
    {
        var (a, e) = Files("""{"bug-1":true,"bug-2":false}""", """{"bug-1":true,"bug-2":true}""");

        var first = JsonOutputComparer.Compare(a, e, 0, "bug-1");
        var second = JsonOutputComparer.Compare(a, e, 0, "bug-2");

        Assert.Null(first);
        Assert.Contains("$.bug-2", second);
    }

    [Fact]
    public void Compare_DeeplyNested_RefusedNotCrashed()
    {
        var (a, e) = Files(new string('[', 100) + new string(']', 100), "[]");

        var problem = JsonOutputComparer.Compare(a, e, 0);

        Assert.Contains("not valid JSON", problem);
    }
}
