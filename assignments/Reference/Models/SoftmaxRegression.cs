using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Reference.Models;

/// <summary>Multinomial logistic regression: one linear layer from 784 pixels to 10 logits.</summary>
internal sealed class SoftmaxRegression : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear = nn.Linear(28 * 28, 10);

    public SoftmaxRegression()
        : base(nameof(SoftmaxRegression)) => RegisterComponents();

    public override Tensor forward(Tensor input) => linear.forward(input.flatten(1));
}
