using Course.Grader.Grading.Build;

namespace Course.Grader.Tests.Grading.Build;

public sealed class BuildMessageTests
{
    [Theory]
    [InlineData("/tmp/src/Program.cs(12,5): error CS1002: ; expected [/tmp/src/Starter.csproj]", "Program.cs:12:5: CS1002 ; expected")]
    [InlineData("/tmp/src/Models/Net.cs(3,9,3,12): error CS0103: The name 'x' does not exist in the current context [/tmp/src/Starter.csproj]",
        "Models/Net.cs:3:9: CS0103 The name 'x' does not exist in the current context")]
    [InlineData("     1>/tmp/src/Starter.csproj : error NU1101: Unable to find package Newtonsoft.Json. No packages exist with this id in source(s): course",
        "Starter.csproj: NU1101 Unable to find package Newtonsoft.Json. No packages exist with this id in source(s): course")]
    [InlineData("1:7>/tmp/src/../../etc/passwd : error : line one [/tmp/src/Starter.csproj]", "../../etc/passwd: line one")]
    [InlineData("MSBUILD : error MSB1011: Specify which project or solution file to use because this folder contains more than one project or solution file.",
        "MSBUILD: MSB1011 Specify which project or solution file to use because this folder contains more than one project or solution file.")]
    [InlineData("error CS2001: Source file '/tmp/src/a.cs' could not be found.", "CS2001 Source file 'a.cs' could not be found.")]
    [InlineData("cp: cannot create regular file '/tmp/src/big.bin': No space left on device", "cp: cannot create regular file 'big.bin': No space left on device")]
    public void Parse_MSBuildLine_RepositoryPathLineColumnCodeText(string line, string expected)
    {
        Assert.Equal(expected, BuildMessage.Parse(line).ToString());
    }

    [Fact]
    public void Parse_CompilerError_Parts()
    {
        var message = BuildMessage.Parse("/tmp/src/Program.cs(12,5): error CS1002: ; expected [/tmp/src/Starter.csproj]");

        Assert.Equal(new BuildMessage("Program.cs", 12, 5, "CS1002", "; expected"), message);
    }

    [Theory]
    [InlineData("/tmp/src/Program.cs(twelve,5): error CS1002: x", "Program.cs(twelve,5): CS1002 x")]
    [InlineData("/tmp/src/a(1,2,3,4,5).cs(1,1,1,1,1): error X1: y", "a(1,2,3,4,5).cs(1,1,1,1,1): X1 y")]
    [InlineData("/tmp/src/p.cs(-1,99999999999): error CS1: z", "p.cs(-1,99999999999): CS1 z")]
    [InlineData("(1,2): error : no origin", "(1,2): no origin")]
    [InlineData("/tmp/src/x.cs(1,1): error NOTACODE1234567: text", "x.cs:1:1: NOTACODE1234567: text")]
    [InlineData("1>>>> : error : ", ">>>: ")]
    public void Parse_ForgedLocations_KeptAsText(string line, string expected)
    {
        Assert.Equal(expected, BuildMessage.Parse(line).ToString());
    }

    [Fact]
    public void Parse_HugeLine_Cut()
    {
        var message = BuildMessage.Parse("/tmp/src/a.cs(1,1): error CS1: " + new string('x', 1_000_000));

        Assert.True(message.Text.Length < 2000, message.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("NU1101", "Unable to find package Newtonsoft.Json. No packages exist with this id in source(s): course", "Newtonsoft.Json")]
    [InlineData("NU1102", "Unable to find package TorchSharp with version (>= 0.108.0) - Found 1 version(s) in course", "TorchSharp")]
    [InlineData("NU1101", "Unable to find package [evil](http://x). No packages", null)]
    [InlineData("NU1101", "Unable to find package My_Lib-2.x.", "My_Lib-2.x")]
    [InlineData("CS0246", "Unable to find package Foo.", null)]
    [InlineData("NU1101", "Something else", null)]
    public void MissingPackage_RestoreError_NamesThePackage(string code, string text, string? expected)
    {
        Assert.Equal(expected, new BuildMessage("Starter.csproj", null, null, code, text).MissingPackage);
    }
}
