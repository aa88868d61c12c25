using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Reference.Models;

/// <summary>
/// LeNet-5 for 28x28 input: conv 5x5 (6, padded) - pool - conv 5x5 (16) - pool - 120 - 84 - 10.
/// ReLU, not sigmoid: a sigmoid LeNet with Adam stays at chance on Fashion-MNIST for epochs.
/// </summary>
internal sealed class LeNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(1, 6, 5, padding: 2);
    private readonly Conv2d conv2 = nn.Conv2d(6, 16, 5);
    private readonly Linear fc1 = nn.Linear(16 * 5 * 5, 120);
    private readonly Linear fc2 = nn.Linear(120, 84);
    private readonly Linear fc3 = nn.Linear(84, 10);

    public LeNet()
        : base(nameof(LeNet)) => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        using var c1 = nn.functional.relu(conv1.forward(input));
        using var p1 = nn.functional.max_pool2d(c1, 2);
        using var c2 = nn.functional.relu(conv2.forward(p1));
        using var p2 = nn.functional.max_pool2d(c2, 2);
        using var flat = p2.flatten(1);
        using var f1 = nn.functional.relu(fc1.forward(flat));
        using var f2 = nn.functional.relu(fc2.forward(f1));
        return fc3.forward(f2);
    }
}
