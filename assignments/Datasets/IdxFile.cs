namespace Course.Assignments.Datasets;

/// <summary>
/// One IDX array of unsigned bytes (the format of MNIST and Fashion-MNIST): its dimensions and its
/// values in row-major order. Images are [count, rows, columns], labels are [count].
/// </summary>
internal sealed record IdxFile(IReadOnlyList<int> Dimensions, byte[] Data)
{
    /// <summary>Number of items along the first dimension.</summary>
    public int Count => Dimensions[0];

    /// <summary>Values per item: the product of every dimension after the first (1 for labels).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (a, b) => checked(a * b));
}
