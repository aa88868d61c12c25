using Course.Core.Csv;
using Course.Core.Errors;

namespace Course.Core.Tests.Csv;

public sealed class StaffCsvFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("staff-csv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_WellFormedFile_GivesTrimmedFieldsWithTheirLineNumbers()
    {
        var path = Write("\uFEFFlogin , email\n\nana, ana@example.org \nbo,bo@example.org\n");

        var file = StaffCsvFile.Read(path, header => header.Count);

        Assert.Equal(2, file.Header);
        Assert.Equal([new CsvLine(3, ["ana", "ana@example.org"]), new CsvLine(4, ["bo", "bo@example.org"])],
            file.Lines, (a, b) => a.Line == b.Line && a.Fields.SequenceEqual(b.Fields));
    }

    [Fact]
    public void Read_LineWiderThanTheHeader_FailsNamingFileAndLine()
    {
        var path = Write("login,email\nana,ana@example.org\nbo,bo@example.org,extra\n");

        var error = Assert.Throws<BadInputException>(() => StaffCsvFile.Read(path, header => header.Count));

        Assert.Equal($"{path}:3: 3 fields, the header has 2", error.Message);
    }

    [Fact]
    public void Read_WrongHeaderAndBrokenLine_FailsOnTheHeaderFirst()
    {
        var path = Write("name\nana,ana@example.org\n");

        var error = Assert.Throws<BadInputException>(() =>
            StaffCsvFile.Read<int>(path, _ => throw new BadInputException("header refused")));

        Assert.Equal("header refused", error.Message);
    }

    [Fact]
    public void Read_HeaderOnly_StillHasItsHeaderJudged()
    {
        var path = Write("name\n");

        Assert.Throws<BadInputException>(() => StaffCsvFile.Read<int>(path, _ => throw new BadInputException("header refused")));
    }

    [Fact]
    public void Read_MissingFile_IsNotFound()
    {
        var path = Path.Combine(folder, "absent.csv");

        var error = Assert.Throws<NotFoundException>(() => StaffCsvFile.Read(path, header => header.Count));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    private string Write(string text)
    {
        var path = Path.Combine(folder, "staff.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
