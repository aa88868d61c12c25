namespace Course.Assignments.Datasets;

/// <summary>
/// A small, learnable stand-in for Fashion-MNIST written in its file layout
/// (train/t10k images and labels, 28x28, 10 classes): each class lights a different 7x7 block, with
/// seeded noise. A model that works learns it in one epoch; one that ignores its input stays at 10 %.
/// </summary>
public static class SyntheticFashion
{
    public const int Side = 28;
    public const int Classes = 10;

    /// <summary>Writes the four .gz files into <paramref name="folder"/> and returns the test labels.</summary>
    public static byte[] Write(string folder, int trainCount, int testCount, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var (trainImages, trainLabels) = Make(trainCount, random);
        var (testImages, testLabels) = Make(testCount, random);
        IdxWriter.Write(Path.Combine(folder, "train-images-idx3-ubyte.gz"), new IdxFile([trainCount, Side, Side], trainImages));
        IdxWriter.Write(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), new IdxFile([trainCount], trainLabels));
        IdxWriter.Write(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), new IdxFile([testCount, Side, Side], testImages));
        IdxWriter.Write(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), new IdxFile([testCount], testLabels));
        return testLabels;
    }

    private static (byte[] Images, byte[] Labels) Make(int count, Random random)
    {
        var images = new byte[count * Side * Side];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(Classes);
            labels[i] = (byte)label;
            var image = images.AsSpan(i * Side * Side, Side * Side);
            for (var p = 0; p < image.Length; p++)
            {
                image[p] = (byte)random.Next(0, 60);
            }

            // Class k lights the block at row k / 4, column k % 4 of a 4x4 grid of 7x7 blocks.
            var (top, left) = (label / 4 * 7, label % 4 * 7);
            for (var r = top; r < top + 7; r++)
            {
                for (var c = left; c < left + 7; c++)
                {
                    image[(r * Side) + c] = (byte)random.Next(180, 256);
                }
            }
        }

        return (images, labels);
    }
}
