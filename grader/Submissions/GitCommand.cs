using System.Diagnostics;

namespace Course.Grader.Submissions;

/// <summary>
/// Runs plumbing git commands on a student's bare repository without running anything the
/// repository configures: no system or global config, hooks pointed at /dev/null, fsmonitor off,
/// no pager, no terminal prompts, and no transport at all (no lazy fetch of a missing object, every
/// protocol refused by the environment, which a repository's <c>protocol.*.allow</c> cannot override).
/// That is the second line: <see cref="RepositoryVetting"/> refuses a repository whose files could
/// give git orders before git is started. Only plumbing (<c>cat-file</c>, see <see cref="GitObjectReader"/>)
/// is used, and it applies no attributes, filters or textconv drivers, so a malicious .gitattributes does nothing.
/// </summary>
internal sealed class GitCommand(string gitDirectory)
{
    public string GitDirectory { get; } = Path.GetFullPath(gitDirectory);

    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] safety =
        [
            $"--git-dir={GitDirectory}",
            "-c", "core.hooksPath=/dev/null",
            "-c", "core.fsmonitor=false",
            "-c", "core.attributesFile=/dev/null",
            "-c", "protocol.allow=never",
        ];
        foreach (var argument in safety.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_ATTR_NOSYSTEM"] = "1";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        start.Environment["GIT_NO_LAZY_FETCH"] = "1";
        start.Environment["GIT_ALLOW_PROTOCOL"] = "";
        start.Environment["GIT_PROTOCOL_FROM_USER"] = "0";
        start.Environment["HOME"] = "/nonexistent";
        return start;
    }
}

/// <summary>A git command failed on a repository (not a git repository, corrupt, unborn branch).</summary>
internal sealed class GitException(string message) : Exception(message);
