using static TorchSharp.torch;

namespace Course.Reference.Models;

/// <summary>Builds the model named on the command line, with its default learning rate for Adam.</summary>
internal static class ModelFactory
{
    public static (nn.Module<Tensor, Tensor> Model, double LearningRate) Create(string name) => name switch
    {
        "softmax" => (new SoftmaxRegression(), 1e-3),
        "mlp" => (new Mlp(), 1e-3),
        "lenet" => (new LeNet(), 1e-3),
        "lecun1989" => (new LeCun1989(), 3e-3),
        _ => throw new UsageException($"unknown model '{name}'"),
    };
}
