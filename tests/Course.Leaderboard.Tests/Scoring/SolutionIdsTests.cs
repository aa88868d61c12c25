using System.Text;
using Course.Leaderboard.Scoring;

namespace Course.Leaderboard.Tests.Scoring;

public sealed class SolutionIdsTests
{
    [Theory]
    [InlineData("0,1,2,3")]
    [InlineData("5,900000000000,17")]
    [InlineData("7,x-1,0")]
    [InlineData("a,b,c")]
    public void TryFind_FindsEveryIdAtItsRow(string list)
    {
        var ids = list.Split(',');
        var set = Sealed(ids);

        Assert.All(ids.Select((id, row) => (id, row)), p =>
        {
            Assert.True(set.TryFind(Encoding.UTF8.GetBytes(p.id), out var found));
            Assert.Equal(p.row, found);
            Assert.Equal(p.id, set[p.row]);
        });
    }

    [Theory]
    [InlineData("007")]
    [InlineData("7.0")]
    [InlineData("+7")]
    [InlineData("-7")]
    [InlineData(" 7")]
    [InlineData("70")]
    [InlineData("99999999999999999999999")]
    public void TryFind_TextThatIsNotAnIdOfTheSet_IsNotFound(string id)
    {
        Assert.False(Sealed(["7", "8", "9"]).TryFind(Encoding.UTF8.GetBytes(id), out _));
        Assert.False(Sealed(["7", "8", "x"]).TryFind(Encoding.UTF8.GetBytes(id), out _));
    }

    [Theory]
    [InlineData(new[] { "1", "2", "1" }, "1", 4, 2)]
    [InlineData(new[] { "1", "123456789012", "3", "123456789012" }, "123456789012", 5, 3)]
    [InlineData(new[] { "a", "b", "c", "b", "a" }, "b", 5, 3)]
    [InlineData(new[] { "1", "b", "1" }, "1", 4, 2)]
    public void Seal_RepeatedId_NamesTheFirstRepeatAndWhereItFirstAppeared(string[] ids, string id, long line, long firstLine)
    {
        var set = new SolutionIds();
        for (var row = 0; row < ids.Length; row++)
        {
            set.Add(Encoding.UTF8.GetBytes(ids[row]), row + 2);
        }

        Assert.Equal(new RepeatedId(id, line, firstLine), set.Seal());
    }

    private static SolutionIds Sealed(string[] ids)
    {
        var set = new SolutionIds();
        for (var row = 0; row < ids.Length; row++)
        {
            set.Add(Encoding.UTF8.GetBytes(ids[row]), row + 2);
        }

        Assert.Null(set.Seal());
        return set;
    }
}
