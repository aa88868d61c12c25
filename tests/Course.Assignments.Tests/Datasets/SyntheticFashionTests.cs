using Course.Assignments.Datasets;

namespace Course.Assignments.Tests.Datasets;

public sealed class SyntheticFashionTests
{
    [Fact]
    public void Write_SmallSet_WritesFourReadableFilesWithMatchingLabels()
    {
        using var folder = new ScratchFolder();

        var testLabels = SyntheticFashion.Write(folder.Path, trainCount: 300, testCount: 20, seed: 3);

        var images = IdxReader.Read(folder.File("train-images-idx3-ubyte.gz"));
        Assert.Equal([300, 28, 28], images.Dimensions);
        Assert.Equal(300, IdxReader.Read(folder.File("train-labels-idx1-ubyte.gz")).Count);
        Assert.Equal(testLabels, IdxReader.Read(folder.File("t10k-labels-idx1-ubyte.gz")).Data);
        Assert.Equal([20, 28, 28], IdxReader.Read(folder.File("t10k-images-idx3-ubyte.gz")).Dimensions);
    }

    [Fact]
    public void Write_SameSeed_IsDeterministic()
    {
        using var first = new ScratchFolder();
        using var second = new ScratchFolder();

        SyntheticFashion.Write(first.Path, 30, 10, seed: 9);
        SyntheticFashion.Write(second.Path, 30, 10, seed: 9);

        Assert.Equal(IdxReader.Read(first.File("train-images-idx3-ubyte.gz")).Data, IdxReader.Read(second.File("train-images-idx3-ubyte.gz")).Data);
    }
}
