using System.Diagnostics;
using Course.Reference.Data;
using Course.Reference.Training;

namespace Course.Reference;

/// <summary>Trains one reference model on Fashion-MNIST and writes /out/metrics.jsonl and /out/predictions.csv.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Options options;
        TorchSharp.torch.Device device;
        try
        {
            options = Options.Parse(args);
            device = TrainingDevices.Resolve(options.Device);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        TorchSharp.torch.set_num_threads(options.Threads);
        Console.WriteLine($"device: {TrainingDevices.Name(device)} (--device {options.Device})");
        var data = FashionMnist.Load(options, device);
        Console.WriteLine($"data: {data.TrainCount} training, {data.ValidationCount} validation, {data.TestCount} test images ({clock.Elapsed.TotalSeconds:F1} s)");
        Directory.CreateDirectory(options.Out);
        using var metrics = new MetricsWriter(Path.Combine(options.Out, "metrics.jsonl"), TrainingDevices.Name(device));
        var trainer = new Trainer(options, data, metrics, device);
        trainer.Run();
        trainer.WritePredictions(Path.Combine(options.Out, "predictions.csv"));
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
