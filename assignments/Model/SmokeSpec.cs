using System.Text.RegularExpressions;

namespace Course.Assignments.Model;

/// <summary>
/// A quick check run on every push (the code starts, reads the data, logs a well-formed first metrics line and
/// writes its outputs), with its own command and small limits. An assignment with one grades only submitted
/// commits with its full run: a tag matching <see cref="SubmitTag"/>, a GitHub release, or the submit action.
/// </summary>
public sealed record SmokeSpec
{
    /// <summary>Command run in the container, e.g. ["python3", "/submission/train.py", "--smoke"].</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The smoke run's limits; by default those of <see cref="LimitsSpec"/> with a 2-minute timeout and no GPU.</summary>
    public LimitsSpec Limits { get; init; } = new() { Timeout = "2m" };

    /// <summary>Tag names that submit the tagged commit for its full run: a pattern where '*' stands for any text.</summary>
    public string SubmitTag { get; init; } = "submit*";

    /// <summary>True when <paramref name="tag"/> (without refs/tags/) matches <see cref="SubmitTag"/>.</summary>
    public bool Submits(string tag) =>
        Regex.IsMatch(tag,
            "^" + string.Join(".*", SubmitTag.Split('*').Select(Regex.Escape)) + "$",
            RegexOptions.None, TimeSpan.FromSeconds(1));
}
