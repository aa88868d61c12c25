using System.Globalization;

namespace Course.Reference;

/// <summary>Command-line options of the reference trainer; every one has a default so <c>reference</c> alone trains LeNet.</summary>
internal sealed record Options
{
    /// <summary>softmax, mlp, lenet or lecun1989.</summary>
    public string Model { get; init; } = "lenet";

    public int Epochs { get; init; } = 8;

    /// <summary>Use only the first N training images (fast tests); null means all.</summary>
    public int? Limit { get; init; }

    /// <summary>Predict only the first N test images; null means all.</summary>
    public int? TestLimit { get; init; }

    /// <summary>Training images held out (from the end of the training set) to report validation accuracy.</summary>
    public int Validation { get; init; } = 5000;

    public int Seed { get; init; } = 2026;

    public int BatchSize { get; init; } = 256;

    /// <summary>Learning rate; null uses the model's default.</summary>
    public double? LearningRate { get; init; }

    public int Threads { get; init; } = 1;

    /// <summary>Log the running training loss every N steps (and always at step 1).</summary>
    public int LogEvery { get; init; } = 20;

    /// <summary>When set, train this many steps on the first batch only (the overfit-one-batch check).</summary>
    public int? OverfitSteps { get; init; }

    /// <summary>auto (CUDA when torch finds a CUDA device, else the CPU), cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    public string Data { get; init; } = "/data/fashion-mnist";

    public string Out { get; init; } = "/out";

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new UsageException(Usage);
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"{name} needs a value\n{Usage}");
            }

            var value = args[++i];
            options = name switch
            {
                "--model" => options with { Model = value is "softmax" or "mlp" or "lenet" or "lecun1989" ? value : throw new UsageException($"--model: '{value}' is not softmax, mlp, lenet or lecun1989") },
                "--epochs" => options with { Epochs = Int(name, value, 1) },
                "--limit" => options with { Limit = Int(name, value, 1) },
                "--test-limit" => options with { TestLimit = Int(name, value, 1) },
                "--validation" => options with { Validation = Int(name, value, 0) },
                "--seed" => options with { Seed = Int(name, value, 0) },
                "--batch-size" => options with { BatchSize = Int(name, value, 1) },
                "--lr" => options with { LearningRate = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var lr) && lr > 0 ? lr : throw new UsageException($"--lr: '{value}' is not a positive number") },
                "--threads" => options with { Threads = Int(name, value, 1) },
                "--log-every" => options with { LogEvery = Int(name, value, 1) },
                "--overfit-steps" => options with { OverfitSteps = Int(name, value, 1) },
                "--device" => options with { Device = value is "auto" or "cpu" or "cuda" ? value : throw new UsageException($"--device: '{value}' is not auto, cpu or cuda") },
                "--data" => options with { Data = value },
                "--out" => options with { Out = value },
                _ => throw new UsageException($"unknown option {name}\n{Usage}"),
            };
        }

        return options;
    }

    public const string Usage =
        "usage: reference [--model softmax|mlp|lenet|lecun1989] [--epochs 8] [--limit N] [--test-limit N]\n" +
        "                 [--validation 5000] [--seed 2026] [--batch-size 256] [--lr X] [--threads 1]\n" +
        "                 [--log-every 20] [--overfit-steps N] [--device auto|cpu|cuda] [--data /data/fashion-mnist]\n" +
        "                 [--out /out]";

    private static int Int(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new UsageException($"{name}: '{value}' is not an integer of at least {min}");
}
