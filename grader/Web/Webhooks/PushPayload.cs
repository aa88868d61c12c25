using System.Text.Json;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// The few fields of a GitHub push event intake needs, read from the JSON as data. <see cref="Pusher"/> is the
/// GitHub login of who pushed, as GitHub says (<c>sender.login</c>, else <c>pusher.name</c>); null when neither is there.
/// </summary>
internal sealed record PushPayload(string Repository, string DefaultBranch, string Ref, string After, bool Deleted, string? Pusher)
{
    /// <summary>True when the push moved the tip of the repository's default branch to a commit.</summary>
    public bool UpdatesDefaultBranch => !Deleted && Ref == $"refs/heads/{DefaultBranch}" && After.Trim('0').Length > 0;

    /// <summary>The tag this push creates or moves to a commit (it may submit that commit), else null.</summary>
    public string? Tag => !Deleted && Ref.StartsWith(TagPrefix, StringComparison.Ordinal) && Ref.Length > TagPrefix.Length && After.Trim('0').Length > 0
        ? Ref[TagPrefix.Length..]
        : null;

    private const string TagPrefix = "refs/tags/";

    /// <summary>Reads the payload; throws <see cref="JsonException"/> naming the missing field.</summary>
    public static PushPayload Parse(JsonElement root)
    {
        var repository = Required(root, "repository");
        var branch = repository.TryGetProperty("default_branch", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : repository.TryGetProperty("master_branch", out var master) && master.ValueKind == JsonValueKind.String
                ? master.GetString()!
                : "main";
        return new(Text(repository, "full_name"), branch, Text(root, "ref"), Text(root, "after"),
            root.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True,
            Optional(root, "sender", "login") ?? Optional(root, "pusher", "name"));
    }

    private static string? Optional(JsonElement root, string holder, string name) =>
        root.TryGetProperty(holder, out var value) && value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 and <= 100 } login
            ? login
            : null;

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new JsonException($"push payload: '{name}' is missing");

    private static string Text(JsonElement element, string name) =>
        Required(element, name) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new JsonException($"push payload: '{name}' is not a string");
}
