// hw2 (C#, TorchSharp), hal-debugger's entry: the starter with its TODO done, a LeNet, and 4 epochs.
// In the sandbox: data in /data/fashion-mnist (read-only), write /out/predictions.csv (id,label, one
// row per test image) and /out/metrics.jsonl (one JSON object of numbers per logged step, e.g.
// {"step":20,"epoch":0,"loss":0.93,"accuracy":0.68}). Score: accuracy on the hidden test labels.
using System.Globalization;
using System.IO.Compression;
using TorchSharp;
using static TorchSharp.torch;

var data = Environment.GetEnvironmentVariable("DATA") ?? "/data/fashion-mnist";
var outFolder = Environment.GetEnvironmentVariable("OUT") ?? "/out";
var epochs = int.TryParse(Environment.GetEnvironmentVariable("EPOCHS"), out var asked) && asked > 0 ? asked : 4;
torch.set_num_threads(1);
torch.random.manual_seed(0);

var trainImages = Images(Path.Combine(data, "train-images-idx3-ubyte.gz"));
var trainLabels = torch.tensor(ReadIdx(Path.Combine(data, "train-labels-idx1-ubyte.gz")).Data.Select(b => (long)b).ToArray());
var model = new Model();
var optimizer = optim.Adam(model.parameters(), 1e-3);
using var log = new StreamWriter(Path.Combine(outFolder, "metrics.jsonl")) { AutoFlush = true };
var step = 0;
for (var epoch = 0; epoch < epochs; epoch++)
{
    var order = torch.randperm(trainImages.shape[0]);
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
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"step\":{step},\"epoch\":{epoch},\"loss\":{loss.item<float>()},\"accuracy\":{accuracy}}}"));
        }
    }

    Console.WriteLine($"epoch {epoch} done");
}

model.eval();
var test = Images(Path.Combine(data, "t10k-images-idx3-ubyte.gz"));
using (torch.no_grad())
using (var predictions = new StreamWriter(Path.Combine(outFolder, "predictions.csv")))
{
    predictions.WriteLine("id,label");
    for (long start = 0; start < test.shape[0]; start += 1000) // batches: 10,000 images at once need > 1 GB
    {
        using var scope = torch.NewDisposeScope();
        var labels = model.forward(test.narrow(0, start, Math.Min(1000, test.shape[0] - start))).argmax(1).data<long>().ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            predictions.WriteLine($"{start + i},{labels[i]}");
        }
    }
}

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

// A LeNet: two 5x5 convolutions with max-pooling, then 120 and 84 units, ReLU everywhere.
internal sealed class Model : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d conv1 = nn.Conv2d(1, 6, 5, padding: 2);
    private readonly TorchSharp.Modules.Conv2d conv2 = nn.Conv2d(6, 16, 5);
    private readonly TorchSharp.Modules.Linear fc1 = nn.Linear(16 * 5 * 5, 120);
    private readonly TorchSharp.Modules.Linear fc2 = nn.Linear(120, 84);
    private readonly TorchSharp.Modules.Linear fc3 = nn.Linear(84, 10);

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.max_pool2d(nn.functional.relu(conv1.forward(input)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(conv2.forward(x)), 2);
        x = nn.functional.relu(fc1.forward(x.flatten(1)));
        return fc3.forward(nn.functional.relu(fc2.forward(x)));
    }
}
