using System.Text;
using Course.Assignments.Feedback.Metrics;

namespace Course.Assignments.Tests.Feedback;

public sealed class MetricsLogParserTests
{
    [Fact]
    public void Parse_ReferenceStyleLines_ReadsKnownFields()
    {
        var log = MetricsLines.Parse(
            "{\"step\":1,\"epoch\":0,\"loss\":2.3084564208984375,\"accuracy\":0.10546875}\n" +
            "{\"step\":215,\"epoch\":0,\"val_loss\":0.49,\"val_accuracy\":0.8182,\"lr\":1e-3}\n");

        Assert.Equal(
            [new MetricsPoint(1, 0, 2.3084564208984375, 0.10546875), new MetricsPoint(215, 0, null, null, 0.49, 0.8182)],
            log.Points);
    }

    [Fact]
    public void Parse_PythonNonFiniteTokensAndCrLfAndBom_AreAccepted()
    {
        var log = MetricsLines.Parse("\uFEFF{ \"step\": 1, \"loss\": NaN }\r\n\r\n{\"step\":2,\"loss\":Infinity,\"accuracy\":-Infinity}\r\n");

        Assert.True(double.IsNaN(log.Points[0].Loss!.Value));
        Assert.Equal(double.PositiveInfinity, log.Points[1].Loss);
        Assert.Equal(double.NegativeInfinity, log.Points[1].Accuracy);
    }

    [Theory]
    [InlineData("{\"step\":1,\"loss\":\"2.3\"}", "field 'loss': expected a number, found '\"'")]
    [InlineData("{\"step\":1,\"loss\":true}", "field 'loss': expected a number, found 'true'")]
    [InlineData("{\"step\":1,\"loss\":null}", "found 'null'")]
    [InlineData("{\"step\":1,\"loss\":{\"x\":1}}", "found '{'")]
    [InlineData("{\"step\":1,\"loss\":[1]}", "found '['")]
    [InlineData("{\"step\":1,\"loss\":01}", "found '01'")]
    [InlineData("{\"step\":1,\"loss\":.5}", "found '.5'")]
    [InlineData("{\"step\":1,\"step\":2}", "field 'step' appears twice")]
    [InlineData("{\"loss\":1}", "field 'step' is missing")]
    [InlineData("{\"step\":1.5}", "'step' must be a non-negative integer")]
    [InlineData("{\"step\":-1}", "'step' must be a non-negative integer")]
    [InlineData("{\"st\\u0065p\":1}", "no escapes")]
    [InlineData("[1,2]", "expected '{'")]
    [InlineData("{\"step\":1} trailing", "unexpected text after the object")]
    [InlineData("{\"step\":1", "expected ',' or '}'")]
    public void Parse_MalformedLine_ThrowsNamingLineAndField(string line, string expected)
    {
        var error = Assert.Throws<MetricsLogException>(() => MetricsLines.Parse("{\"step\":0,\"loss\":2.3}\n" + line + "\n"));

        Assert.StartsWith("metrics.jsonl line 2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FileAboveByteCap_IsRejectedBeforeParsing()
    {
        var text = MetricsLines.Healthy(200);

        var error = Assert.Throws<MetricsLogException>(() =>
            MetricsLogParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), "metrics.jsonl", new MetricsLogLimits { MaxBytes = 1000 }));

        Assert.Contains("larger than 1,000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyLines_IsRejected()
    {
        var error = Assert.Throws<MetricsLogException>(() =>
            MetricsLogParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(MetricsLines.Healthy(11))), "m", new MetricsLogLimits { MaxLines = 10 }));

        Assert.Contains("more than 10 lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongLine_IsRejected()
    {
        var line = "{\"step\":1,\"loss\":1" + new string('0', 5000) + "}\n";

        var error = Assert.Throws<MetricsLogException>(() => MetricsLines.Parse(line));

        Assert.Contains("line 1: longer than 4,096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyFields_IsRejected()
    {
        var fields = string.Join(',', Enumerable.Range(0, 40).Select(i => $"\"f{i}\":1"));

        var error = Assert.Throws<MetricsLogException>(() => MetricsLines.Parse("{\"step\":1," + fields + "}"));

        Assert.Contains("more than 32 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"step\":1,\"lo").Concat(new byte[] { 0xff, 0xfe }).Concat(Encoding.UTF8.GetBytes("ss\":1}\n")).ToArray();

        var error = Assert.Throws<MetricsLogException>(() => MetricsLogParser.Parse(new MemoryStream(bytes), "metrics.jsonl"));

        Assert.Equal("metrics.jsonl line 1: not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    [InlineData("cuda:1")]
    [InlineData("mps")]
    public void Parse_DeviceOnEveryLine_IsTheLogsDeviceAndKeepsTheNumbers(string device)
    {
        var log = MetricsLines.Parse(
            $"{{\"step\":1,\"loss\":2.3,\"device\":\"{device}\"}}\n{{\"device\": \"{device}\", \"step\":2,\"loss\":2.1}}\n");

        Assert.Equal(device, log.Device);
        Assert.Equal([new MetricsPoint(1, null, 2.3), new MetricsPoint(2, null, 2.1)], log.Points);
    }

    [Fact]
    public void Parse_DeviceOnTheFirstLineOnly_NamesTheLogsDevice() =>
        Assert.Equal("cuda", MetricsLines.Parse("{\"step\":1,\"loss\":2.3,\"device\":\"cuda\"}\n" + MetricsLines.Healthy(3)).Device);

    [Fact]
    public void Parse_NoDevice_LeavesItUnknown() =>
        Assert.Null(MetricsLines.Parse(MetricsLines.Healthy(3)).Device);

    [Theory]
    [InlineData("{\"step\":1,\"device\":\"gpu\"}", "field 'device' must be one of \"cpu\", \"cuda\", \"cuda:N\" or \"mps\", found 'gpu'")]
    [InlineData("{\"step\":1,\"device\":\"CPU\"}", "found 'CPU'")]
    [InlineData("{\"step\":1,\"device\":\"cuda:100\"}", "found 'cuda:100'")]
    [InlineData("{\"step\":1,\"device\":\"<img src=x>\"}", "found '<img src=x>'")]
    [InlineData("{\"step\":1,\"device\":\"cu\\u0064a\"}", "field 'device' must be one of")]
    [InlineData("{\"step\":1,\"device\":\"cpucpucpucpucpucpucpu\"}", "field 'device' must be one of")]
    [InlineData("{\"step\":1,\"device\":0}", "field 'device' must be one of")]
    [InlineData("{\"step\":1,\"device\":null}", "field 'device' must be one of")]
    [InlineData("{\"step\":1,\"device\":\"cpu\",\"device\":\"cpu\"}", "field 'device' appears twice")]
    [InlineData("{\"step\":1,\"loss\":\"cpu\"}", "field 'loss': expected a number")]
    [InlineData("{\"step\":1,\"device\":\"cuda\"}", "field 'device' is 'cuda', but line 1 said 'cpu'")]
    public void Parse_BadDevice_ThrowsNamingLineAndField(string line, string expected)
    {
        var error = Assert.Throws<MetricsLogException>(() => MetricsLines.Parse("{\"step\":0,\"loss\":2.3,\"device\":\"cpu\"}\n" + line + "\n"));

        Assert.StartsWith("metrics.jsonl line 2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeviceCountsAsAField_TowardsTheCap()
    {
        var fields = string.Join(',', Enumerable.Range(0, 31).Select(i => $"\"f{i}\":1"));

        var error = Assert.Throws<MetricsLogException>(() => MetricsLines.Parse("{\"step\":1," + fields + ",\"device\":\"cpu\"}"));

        Assert.Contains("more than 32 fields", error.Message, StringComparison.Ordinal);
    }
}
