using Course.Core.Errors;
using Course.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Course.Core.Tests.Settings;

public sealed class SettingsSectionTests
{
    [Theory]
    [InlineData("MaxAttempts", "many", "Queue:MaxAttempts: 'many' is not a whole number from 1 to 100")]
    [InlineData("MaxAttempts", "0", "Queue:MaxAttempts: '0' is not a whole number from 1 to 100")]
    [InlineData("LeaseSeconds", "-5", "Queue:LeaseSeconds: '-5' is not a number of seconds above 0 and at most 86400")]
    [InlineData("LeaseSeconds", "1m", "Queue:LeaseSeconds: '1m' is not a number of seconds above 0 and at most 86400")]
    [InlineData("Verbose", "yes", "Queue:Verbose: 'yes' is not true or false")]
    public void Read_UnparsableValue_ThrowsNamingSectionAndKey(string key, string value, string message)
    {
        var section = Section(new() { [$"Queue:{key}"] = value });

        var error = Assert.Throws<BadInputException>(() => (section.Integer("MaxAttempts", 5, 1, 100),
            section.Seconds("LeaseSeconds", TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)), section.Boolean("Verbose", false)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_BlankOrMissing_GivesTheDefault()
    {
        var section = Section(new() { ["Queue:MaxAttempts"] = "  " });

        Assert.Equal((5, TimeSpan.FromMinutes(1)), (section.Integer("MaxAttempts", 5, 1, 100),
            section.Seconds("LeaseSeconds", TimeSpan.FromMinutes(1), TimeSpan.FromDays(1))));
    }

    [Fact]
    public void Read_ValueWithSpaces_IsTrimmed()
    {
        var section = Section(new() { ["Queue:LeaseSeconds"] = " 2.5 " });

        Assert.Equal(TimeSpan.FromSeconds(2.5), section.Seconds("LeaseSeconds", TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void NameOf_EnvironmentSeparator_NamesTheVariable()
    {
        var section = new SettingsSection(new ConfigurationBuilder().Build(), "Web:Uploads", separator: "__");

        Assert.Equal("Web__Uploads__PerWindow", section.NameOf("PerWindow"));
    }

    [Fact]
    public void AbsoluteUri_OtherScheme_ThrowsNamingTheSchemes()
    {
        var section = Section(new() { ["Queue:Engine"] = "ftp://engine" });

        var error = Assert.Throws<BadInputException>(() => section.AbsoluteUri("Engine", null, "unix:///var/run/docker.sock", "unix", "tcp"));

        Assert.Equal("Queue:Engine: 'ftp://engine' is not an absolute unix or tcp address like unix:///var/run/docker.sock", error.Message);
    }

    private static SettingsSection Section(Dictionary<string, string?> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "Queue");
}
