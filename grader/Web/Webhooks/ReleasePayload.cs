using System.Text.Json;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// The few fields of a GitHub release event that submit a commit: the repository, the release's tag and what it
/// targets (<c>target_commitish</c>: a commit, or a branch whose tip is taken). Only a published release submits.
/// </summary>
internal sealed record ReleasePayload(string Repository, string DefaultBranch, string Tag, string Target, bool Published)
{
    /// <summary>Reads the payload; throws <see cref="JsonException"/> naming the missing field.</summary>
    public static ReleasePayload Parse(JsonElement root)
    {
        var repository = Member(root, "repository");
        var release = Member(root, "release");
        return new(Text(repository, "full_name"),
            repository.TryGetProperty("default_branch", out var branch) && branch.ValueKind == JsonValueKind.String ? branch.GetString()! : "main",
            Text(release, "tag_name"), Text(release, "target_commitish"), Text(root, "action") == "published");
    }

    /// <summary><see cref="Target"/> when it names a commit (40 hex digits), else null (a branch).</summary>
    public string? TargetCommit => Target.Length == 40 && Target.All(char.IsAsciiHexDigit) ? Target : null;

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new JsonException($"release payload: '{name}' is missing");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 255 } text
            ? text
            : throw new JsonException($"release payload: '{name}' is missing or not a string");
}
