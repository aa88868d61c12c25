// hw2 starter (C#, TorchSharp): train a classifier on Fashion-MNIST and predict the test images.
// In the sandbox: data in /data/fashion-mnist (read-only), write /out/predictions.csv (id,label, one
// row per test image) and /out/metrics.jsonl (one JSON object of numbers per logged step, and the
// device, e.g. {"step":20,"epoch":0,"loss":0.93,"accuracy":0.68,"device":"cpu"}). Score: accuracy on the
// hidden test labels. Usage: starter [--device auto|cpu|cuda] (auto: CUDA when torch finds a GPU, else the CPU).
using System.Globalization;
using System.IO.Compression;
using TorchSharp;
using static TorchSharp.torch;

var requested = args switch
{
    [] => "auto",
    ["--device", var named] => named,
    _ => null,
};
if (requested is not ("auto" or "cpu" or "cuda"))
{
    Console.Error.WriteLine(requested is null ? "usage: starter [--device auto|cpu|cuda]" : $"--device: '{requested}' is not auto, cpu or cuda");
    return 2;
}

// A GPU run that silently trains on the CPU would only show as a slow run: cuda without a CUDA device is an error.
if (requested == "cuda" && !torch.cuda.is_available())
{
    Console.Error.WriteLine("--device cuda: no CUDA device (torch.cuda.is_available() is false); use --device auto or cpu");
    return 2;
}

var device = requested == "cpu" || !torch.cuda.is_available() ? torch.CPU : torch.CUDA;
var deviceName = device.type == DeviceType.CUDA ? "cuda" : "cpu";
Console.WriteLine($"device: {deviceName}");
var data = Environment.GetEnvironmentVariable("DATA") ?? "/data/fashion-mnist";
var outFolder = Environment.GetEnvironmentVariable("OUT") ?? "/out";
var epochs = int.TryParse(Environment.GetEnvironmentVariable("EPOCHS"), out var asked) && asked > 0 ? asked : 3;
torch.set_num_threads(1);
torch.random.manual_seed(0);

var trainImages = Images(Path.Combine(data, "train-images-idx3-ubyte.gz")).to(device);
var trainLabels = torch.tensor(ReadIdx(Path.Combine(data, "train-labels-idx1-ubyte.gz")).Data.Select(b => (long)b).ToArray()).to(device);
var model = new Model().to(device); // weights drawn on the CPU, then moved: a seed gives the same start everywhere
var optimizer = optim.Adam(model.parameters(), 1e-3);
using var log = new StreamWriter(Path.Combine(outFolder, "metrics.jsonl")) { AutoFlush = true };
var step = 0;
for (var epoch = 0; epoch < epochs; epoch++)
{
    var order = torch.randperm(trainImages.shape[0]).to(device);
    for (long start = 0; start < order.shape[0]; start += 256)
    {
        using var scope = torch.NewDisposeScope();
        var index = order.narrow(0, start, Math.Min(256, order.shape[0] - start));
        var (x, y) = (trainImages.index_select(0, index), trainLabels.index_select(0, index));
        var logits = model.forward(x);
        var loss = nn.functional.cross_entropy(logits, y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        if (++step == 1 || step % 20 == 0)
        {
            var accuracy = logits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"step\":{step},\"epoch\":{epoch},\"loss\":{loss.item<float>()},\"accuracy\":{accuracy},\"device\":\"{deviceName}\"}}"));
        }
    }

    Console.WriteLine($"epoch {epoch} done");
}

model.eval();
var test = Images(Path.Combine(data, "t10k-images-idx3-ubyte.gz")).to(device);
using (torch.no_grad())
using (var predictions = new StreamWriter(Path.Combine(outFolder, "predictions.csv")))
{
    predictions.WriteLine("id,label");
    for (long start = 0; start < test.shape[0]; start += 1000) // batches: 10,000 images at once need > 1 GB
    {
        using var scope = torch.NewDisposeScope();
        var labels = model.forward(test.narrow(0, start, Math.Min(1000, test.shape[0] - start))).argmax(1).cpu().data<long>().ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            predictions.WriteLine($"{start + i},{labels[i]}");
        }
    }
}

return 0;

static Tensor Images(string path)
{
    var (dims, bytes) = ReadIdx(path);
    return torch.tensor(bytes, dtype: ScalarType.Byte).reshape(dims[0], 1, dims[1], dims[2])
        .to_type(ScalarType.Float32).div_(255f).sub_(0.2860f).div_(0.3530f);
}

// IDX (gzip): 0 0 0x08 rank, rank big-endian int32 sizes, then unsigned bytes.
static (int[] Dims, byte[] Data) ReadIdx(string path)
{
    using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var memory = new MemoryStream();
    gzip.CopyTo(memory);
    var all = memory.ToArray();
    var dims = Enumerable.Range(0, all[3]).Select(i => (all[4 + (4 * i)] << 24) | (all[5 + (4 * i)] << 16) | (all[6 + (4 * i)] << 8) | all[7 + (4 * i)]).ToArray();
    return (dims, all[(4 + (4 * dims.Length))..]);
}

// TODO: replace this softmax regression (about 84 %) by a LeNet: two 5x5 convolutions with
// max-pooling, then 120 and 84 units, ReLU everywhere (about 89 % after 6 epochs).
internal sealed class Model : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear linear = nn.Linear(28 * 28, 10);

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor input) => linear.forward(input.flatten(1));
}
