using System.Globalization;
using System.Text;

namespace Course.Grader.Demo;

/// <summary>
/// Kaggle-style prediction uploads for the demo competition, derived from the calibration's reference
/// predictions: each team's file is the reference with a seeded share of labels replaced.
/// </summary>
internal static class DemoUploads
{
    public static string Write(string referencePredictions, string folder, string team, double noise, int seed)
    {
        var lines = File.ReadAllLines(referencePredictions);
        var random = new Random(seed);
        var text = new StringBuilder(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var label = random.NextDouble() < noise ? random.Next(10).ToString(CultureInfo.InvariantCulture) : line[(comma + 1)..];
            text.Append(line.AsSpan(0, comma)).Append(',').Append(label).Append('\n');
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{team}-{seed}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Voucher codes as a provider sends them: one per line under a 'code' header.</summary>
    public static string Codes(string folder, int count, int seed)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new Random(seed);
        var text = new StringBuilder("code\n");
        for (var i = 0; i < count; i++)
        {
            var code = new string(Enumerable.Range(0, 16).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            text.Append(CultureInfo.InvariantCulture, $"PC{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}\n");
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "codes.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
