using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Reference.Models;

/// <summary>
/// The 1989 LeCun network ("Backpropagation applied to handwritten zip code recognition"): 16x16 input
/// (Fashion-MNIST is downsampled), H1 = 12 maps 8x8 (5x5, stride 2, one bias per unit), H2 = 12 maps 4x4
/// each seeing 8 of the 12 H1 maps, H3 = 30 units, 10 outputs, tanh: 9,760 parameters. Modernized in one
/// respect: the outputs are logits for cross-entropy instead of tanh targets for squared error.
/// </summary>
internal sealed class LeCun1989 : nn.Module<Tensor, Tensor>
{
    private readonly Parameter h1w;
    private readonly Parameter h1b;
    private readonly Parameter h2w;
    private readonly Parameter h2b;
    private readonly Parameter h3w;
    private readonly Parameter h3b;
    private readonly Parameter outw;
    private readonly Parameter outb;

    public LeCun1989()
        : base(nameof(LeCun1989))
    {
        // Uniform in +-2.4/sqrt(fan-in), as in the paper.
        h1w = Init([12, 1, 5, 5], 5 * 5);
        h1b = new Parameter(torch.zeros(12, 8, 8));
        h2w = Init([12, 8, 5, 5], 5 * 5 * 8);
        h2b = new Parameter(torch.zeros(12, 4, 4));
        h3w = Init([4 * 4 * 12, 30], 4 * 4 * 12);
        h3b = new Parameter(torch.zeros(30));
        outw = Init([30, 10], 30);
        outb = new Parameter(torch.zeros(10));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = nn.functional.interpolate(input, size: [16, 16], mode: InterpolationMode.Bilinear, align_corners: false);
        x = nn.functional.pad(x, [2, 2, 2, 2], PaddingModes.Constant, -1.0);
        x = torch.tanh(nn.functional.conv2d(x, h1w, strides: [2, 2]) + h1b);
        x = nn.functional.pad(x, [2, 2, 2, 2], PaddingModes.Constant, -1.0);
        // Each group of 4 H2 maps sees 8 of the 12 H1 maps, as in the paper's sparse connection table.
        var slice1 = nn.functional.conv2d(x.narrow(1, 0, 8), h2w.narrow(0, 0, 4), strides: [2, 2]);
        var slice2 = nn.functional.conv2d(x.narrow(1, 4, 8), h2w.narrow(0, 4, 4), strides: [2, 2]);
        var slice3 = nn.functional.conv2d(torch.cat([x.narrow(1, 0, 4), x.narrow(1, 8, 4)], 1), h2w.narrow(0, 8, 4), strides: [2, 2]);
        x = torch.tanh(torch.cat([slice1, slice2, slice3], 1) + h2b);
        x = torch.tanh(x.flatten(1).matmul(h3w) + h3b);
        return x.matmul(outw).add(outb).MoveToOuterDisposeScope();
    }

    private static Parameter Init(long[] shape, int fanIn) =>
        new((torch.rand(shape) - 0.5) * 2 * 2.4 / Math.Sqrt(fanIn));
}
