using System.Text.RegularExpressions;

namespace Course.Grader.Submissions;

/// <summary>
/// The settings a student's repository config may hold: what <c>git init --bare</c>, <c>git clone --bare</c>
/// and <c>--mirror</c> write, and nothing that can make git run a program or reach another repository
/// (include, includeIf, promisor remotes and partial clone, hooks, fsmonitor, ssh commands, proxies,
/// filters, url rewrites, transports that run helpers). An allow-list: a key git adds in a later version
/// is refused until someone decides it is harmless.
/// </summary>
internal static partial class RepositoryConfigPolicy
{
    private static readonly HashSet<string> AnyValue = new(StringComparer.Ordinal)
    {
        "core.bare", "core.filemode", "core.logallrefupdates", "core.ignorecase", "core.precomposeunicode", "core.symlinks",
        "core.sharedrepository", "receive.denynonfastforwards",
    };

    private static readonly Dictionary<string, string[]> OneOf = new(StringComparer.Ordinal)
    {
        ["core.repositoryformatversion"] = ["0", "1"],
        ["extensions.objectformat"] = ["sha1", "sha256"],
        ["extensions.refstorage"] = ["files", "reftable"],
    };

    /// <summary>The settings of <paramref name="entries"/> intake does not accept, each as "key" or "key (why)", in file order.</summary>
    public static IReadOnlyList<string> Disallowed(IEnumerable<GitConfigEntry> entries) =>
        entries.Select(Judge).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The names of the settings a repository may hold, for the refusal message.</summary>
    public static string Allowed => string.Join(", ", OneOf.Keys.Concat(AnyValue).Append("remote.<name>.url/fetch/mirror"));

    private static string? Judge(GitConfigEntry entry)
    {
        if (AnyValue.Contains(entry.Key))
        {
            return null;
        }

        if (OneOf.TryGetValue(entry.Key, out var values))
        {
            return values.Contains(entry.Value?.ToLowerInvariant(), StringComparer.Ordinal) ? null : $"{entry.Key}={entry.Value}";
        }

        if (Remote().Match(entry.Key) is not { Success: true } remote)
        {
            return entry.Key;
        }

        // A remote's address is inert for reading (git fetches during a read only for a partial clone or a
        // promisor remote, neither accepted), but an address naming a helper transport (ext::, fd::) exists to run one.
        return remote.Groups["setting"].Value == "url" && entry.Value is { } url && HelperTransport().Match(url) is { Success: true } helper
            ? $"{entry.Key} ({helper.Value} transport)"
            : null;
    }

    [GeneratedRegex("^remote\\.[^\\x00-\\x1f]+\\.(?<setting>url|fetch|mirror)$")]
    private static partial Regex Remote();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9+.-]*::")]
    private static partial Regex HelperTransport();
}
