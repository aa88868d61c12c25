using System.Diagnostics;
using System.Globalization;
using Course.Reference.Data;
using Course.Reference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Reference.Training;

/// <summary>
/// Mini-batch training with Adam and cross-entropy, deterministic for a seed: the weights come from
/// torch's seeded generator (on the CPU, then moved to the training device, so a seed gives the same
/// initial weights on every device) and the batch order from a seeded <see cref="Random"/>.
/// </summary>
internal sealed class Trainer
{
    private const int EvaluationBatch = 1000; // 10,000 images in one batch need more than 1 GiB.

    private readonly Options options;
    private readonly FashionMnist data;
    private readonly MetricsWriter metrics;
    private readonly Device device;
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly optim.Optimizer optimizer;

    public Trainer(Options options, FashionMnist data, MetricsWriter metrics, Device device)
    {
        this.options = options;
        this.data = data;
        this.metrics = metrics;
        this.device = device;
        torch.random.manual_seed(options.Seed);
        var (created, learningRate) = ModelFactory.Create(options.Model);
        model = created.to(device);
        optimizer = optim.Adam(model.parameters(), options.LearningRate ?? learningRate);
        var parameters = model.parameters().Sum(p => p.numel());
        Console.WriteLine($"model: {options.Model}, {parameters:N0} parameters, seed {options.Seed}");
    }

    public void Run()
    {
        if (options.OverfitSteps is { } steps)
        {
            OverfitOneBatch(steps);
            return;
        }

        var random = new Random(options.Seed);
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            var order = Enumerable.Range(0, data.TrainCount).ToArray();
            random.Shuffle(order);
            double windowLoss = 0;
            long windowCorrect = 0, windowCount = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                var indices = torch.tensor(order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray(), device: device);
                var (loss, correct) = TrainStep(data.TrainImages.index_select(0, indices), data.TrainLabels.index_select(0, indices));
                step++;
                windowLoss += loss * indices.shape[0];
                windowCorrect += correct;
                windowCount += indices.shape[0];
                if (step == 1 || step % options.LogEvery == 0)
                {
                    metrics.Write(step, epoch, ("loss", windowLoss / windowCount), ("accuracy", (double)windowCorrect / windowCount));
                    windowLoss = 0;
                    windowCorrect = windowCount = 0;
                }
            }

            var (validationLoss, validationAccuracy) = Evaluate(data.ValidationImages, data.ValidationLabels);
            if (data.ValidationCount > 0)
            {
                metrics.Write(step, epoch, ("val_loss", validationLoss), ("val_accuracy", validationAccuracy));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch + 1}/{options.Epochs}: val_loss {validationLoss:F4}, val_accuracy {validationAccuracy:F4}, {clock.Elapsed.TotalSeconds:F1} s"));
        }
    }

    public void WritePredictions(string path)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("id,label");
        var id = 0;
        for (var start = 0; start < data.TestCount; start += EvaluationBatch)
        {
            using var scope = torch.NewDisposeScope();
            var batch = data.TestImages.narrow(0, start, Math.Min(EvaluationBatch, data.TestCount - start));
            foreach (var label in model.forward(batch).argmax(1).cpu().data<long>())
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id++},{label}"));
            }
        }
    }

    /// <summary>Trains on the first batch only: a healthy model and loop drive its loss towards zero.</summary>
    private void OverfitOneBatch(int steps)
    {
        model.train();
        var size = Math.Min(options.BatchSize, data.TrainCount);
        var images = data.TrainImages.narrow(0, 0, size);
        var labels = data.TrainLabels.narrow(0, 0, size);
        for (var step = 1; step <= steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (loss, correct) = TrainStep(images, labels);
            if (step == 1 || step % options.LogEvery == 0 || step == steps)
            {
                metrics.Write(step, 0, ("loss", loss), ("accuracy", (double)correct / size));
            }
        }

        Console.WriteLine($"overfit: {steps} steps on one batch of {size}");
    }

    private (double Loss, long Correct) TrainStep(Tensor images, Tensor labels)
    {
        var logits = model.forward(images);
        var loss = nn.functional.cross_entropy(logits, labels);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        var correct = logits.argmax(1).eq(labels).sum().item<long>();
        return (loss.item<float>(), correct);
    }

    private (double Loss, double Accuracy) Evaluate(Tensor images, Tensor labels)
    {
        var count = (int)images.shape[0];
        if (count == 0)
        {
            return (double.NaN, double.NaN);
        }

        model.eval();
        using var noGrad = torch.no_grad();
        double loss = 0;
        long correct = 0;
        for (var start = 0; start < count; start += EvaluationBatch)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(EvaluationBatch, count - start);
            var logits = model.forward(images.narrow(0, start, length));
            var batchLabels = labels.narrow(0, start, length);
            loss += nn.functional.cross_entropy(logits, batchLabels).item<float>() * length;
            correct += logits.argmax(1).eq(batchLabels).sum().item<long>();
        }

        model.train();
        return (loss / count, (double)correct / count);
    }
}
