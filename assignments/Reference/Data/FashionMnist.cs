using Course.Assignments.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Reference.Data;

/// <summary>
/// Fashion-MNIST as normalized tensors: training (minus a held-out validation tail), validation and
/// test images, on the training device. The test labels are never read: a competition's hidden labels must not be needed.
/// </summary>
internal sealed class FashionMnist
{
    // Mean and standard deviation of Fashion-MNIST's training pixels scaled to [0, 1].
    private const float Mean = 0.2860f;
    private const float Std = 0.3530f;

    private FashionMnist(Tensor trainImages, Tensor trainLabels, Tensor validationImages, Tensor validationLabels, Tensor testImages)
    {
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        ValidationImages = validationImages;
        ValidationLabels = validationLabels;
        TestImages = testImages;
    }

    public Tensor TrainImages { get; }

    public Tensor TrainLabels { get; }

    public Tensor ValidationImages { get; }

    public Tensor ValidationLabels { get; }

    public Tensor TestImages { get; }

    public int TrainCount => (int)TrainImages.shape[0];

    public int ValidationCount => (int)ValidationImages.shape[0];

    public int TestCount => (int)TestImages.shape[0];

    public static FashionMnist Load(Options options, Device device)
    {
        var images = IdxReader.Read(Path.Combine(options.Data, "train-images-idx3-ubyte.gz"), options.Limit);
        var labels = IdxReader.Read(Path.Combine(options.Data, "train-labels-idx1-ubyte.gz"), options.Limit);
        var test = IdxReader.Read(Path.Combine(options.Data, "t10k-images-idx3-ubyte.gz"), options.TestLimit);
        if (images.Count != labels.Count)
        {
            throw new InvalidDataException($"{images.Count} training images but {labels.Count} labels");
        }

        // A validation tail larger than a tenth of a small (--limit) set would starve training.
        var validation = Math.Min(options.Validation, images.Count / 10);
        var train = images.Count - validation;
        var allImages = ToImages(images, device);
        var allLabels = torch.tensor(labels.Data.Select(b => (long)b).ToArray(), device: device);
        return new FashionMnist(
            allImages.narrow(0, 0, train),
            allLabels.narrow(0, 0, train),
            allImages.narrow(0, train, validation),
            allLabels.narrow(0, train, validation),
            ToImages(test, device));
    }

    private static Tensor ToImages(IdxFile file, Device device)
    {
        var pixels = torch.tensor(file.Data, dtype: ScalarType.Byte, device: device).reshape(file.Count, 1, file.Dimensions[1], file.Dimensions[2]);
        return pixels.to_type(ScalarType.Float32).div_(255f).sub_(Mean).div_(Std);
    }
}
