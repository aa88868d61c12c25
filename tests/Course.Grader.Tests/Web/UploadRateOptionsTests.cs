using Course.Core.Errors;
using Course.Grader.Web.Uploads;
using Microsoft.Extensions.Configuration;

namespace Course.Grader.Tests.Web;

/// <summary>The per-user upload limit from configuration: 10 a minute unless set, and a mistyped setting named.</summary>
public sealed class UploadRateOptionsTests
{
    [Fact]
    public void From_NothingSet_IsTenAMinute()
    {
        var options = UploadRateOptions.From(Configuration([]));

        Assert.Equal(new UploadRateOptions(10, TimeSpan.FromMinutes(1)), options);
    }

    [Fact]
    public void From_BothSet_UsesThem()
    {
        var options = UploadRateOptions.From(Configuration(new() { ["Web:Uploads:PerWindow"] = "3", ["Web:Uploads:WindowSeconds"] = "30" }));

        Assert.Equal(new UploadRateOptions(3, TimeSpan.FromSeconds(30)), options);
    }

    [Theory]
    [InlineData("PerWindow", "0", "Web:Uploads:PerWindow: '0' is not a whole number of 1 or more")]
    [InlineData("PerWindow", "ten", "Web:Uploads:PerWindow: 'ten' is not a whole number of 1 or more")]
    [InlineData("WindowSeconds", "0.5", "Web:Uploads:WindowSeconds: '0.5' is not a number of seconds from 1 to 86400")]
    [InlineData("WindowSeconds", "1m", "Web:Uploads:WindowSeconds: '1m' is not a number of seconds from 1 to 86400")]
    public void From_BadSetting_ThrowsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<BadInputException>(() => UploadRateOptions.From(Configuration(new() { [$"Web:Uploads:{key}"] = value })));

        Assert.Equal(message, error.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
