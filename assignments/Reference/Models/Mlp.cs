using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Reference.Models;

/// <summary>Two hidden ReLU layers (256, 128 units) on the flattened image.</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden1 = nn.Linear(28 * 28, 256);
    private readonly Linear hidden2 = nn.Linear(256, 128);
    private readonly Linear output = nn.Linear(128, 10);

    public Mlp()
        : base(nameof(Mlp)) => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        using var h1 = nn.functional.relu(hidden1.forward(input.flatten(1)));
        using var h2 = nn.functional.relu(hidden2.forward(h1));
        return output.forward(h2);
    }
}
