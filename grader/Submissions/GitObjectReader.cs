using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Course.Grader.Submissions;

/// <summary>An object in a repository as <c>git cat-file</c> names it: full id, type and size in bytes.</summary>
internal sealed record GitObject(string Id, string Type, long Size);

/// <summary>
/// One <c>git cat-file --batch-command</c> process on a student's bare repository, started with
/// <see cref="GitCommand"/>'s safety settings. It answers look-ups and hands out the exact stored
/// bytes of objects (no filters, no export-subst, no LFS download). One process serves a whole
/// snapshot: starting git costs more than reading a small homework, and a deadline rush fetches hundreds.
/// </summary>
internal sealed class GitObjectReader : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream output;
    private readonly Task<string> errors;
    private readonly byte[] one = new byte[1];

    private GitObjectReader(Process process)
    {
        this.process = process;
        output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        errors = process.StandardError.ReadToEndAsync();
    }

    public required string GitDirectory { get; init; }

    public static GitObjectReader Open(GitCommand git) =>
        new(Process.Start(git.StartInfo("cat-file", "--batch-command")) ?? throw new GitException("git did not start"))
        {
            GitDirectory = git.GitDirectory,
        };

    /// <summary>The object <paramref name="name"/> (an id or an expression like <c>HEAD^{commit}</c>) names, or null when it is missing.</summary>
    public async Task<GitObject?> FindAsync(string name, CancellationToken cancellation)
    {
        await SendAsync($"info {name}", cancellation);
        return await ReadHeaderAsync(name, cancellation);
    }

    /// <summary>
    /// The contents of <paramref name="name"/>, which must be a <paramref name="type"/> of at most
    /// <paramref name="maxBytes"/> (checked before any byte is read).
    /// </summary>
    public async Task<(GitObject Object, byte[] Content)> ReadAsync(string name, string type, long maxBytes, CancellationToken cancellation)
    {
        await SendAsync($"contents {name}", cancellation);
        var found = await ReadHeaderAsync(name, cancellation) ?? throw new GitException($"object {name} is missing in {GitDirectory}");
        if (found.Type != type)
        {
            throw new GitException($"object {name} in {GitDirectory} is a {found.Type}, not a {type}");
        }

        if (found.Size > maxBytes)
        {
            throw new IntakeException($"{type} {found.Id} holds {found.Size} bytes; at most {maxBytes} are accepted");
        }

        var content = new byte[found.Size];
        await output.ReadExactlyAsync(content, cancellation);
        if (await output.ReadAsync(one, cancellation) != 1 || one[0] != (byte)'\n')
        {
            throw await FailureAsync($"git cat-file's answer for {name} was cut short or did not end where its size said");
        }

        return (found, content);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git has already gone; there is nothing left to tell it.
        }

        await WaitOrKillAsync();
        process.Dispose();
    }

    private async Task SendAsync(string command, CancellationToken cancellation)
    {
        try
        {
            await process.StandardInput.WriteAsync($"{command}\n".AsMemory(), cancellation);
            await process.StandardInput.FlushAsync(cancellation);
        }
        catch (IOException)
        {
            throw await FailureAsync("git cat-file stopped");
        }
    }

    /// <summary>Reads "id type size", or "name missing" (null); anything else means git failed.</summary>
    private async Task<GitObject?> ReadHeaderAsync(string name, CancellationToken cancellation)
    {
        var line = new List<byte>();
        while (true)
        {
            if (await output.ReadAsync(one, cancellation) != 1)
            {
                throw await FailureAsync($"git cat-file gave no answer for {name}");
            }

            if (one[0] == (byte)'\n')
            {
                break;
            }

            line.Add(one[0]);
        }

        var header = Encoding.UTF8.GetString(line.ToArray());
        if (header == $"{name} missing")
        {
            return null;
        }

        var parts = header.Split(' ');
        return parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? new GitObject(parts[0], parts[1], size)
            : throw new GitException($"git cat-file answered '{header}' for {name} in {GitDirectory}");
    }

    private async Task<GitException> FailureAsync(string what)
    {
        await WaitOrKillAsync();
        return new GitException($"{what} in {GitDirectory}: {(await errors).Trim()}");
    }

    /// <summary>Gives git a few seconds to finish (its error message comes last), then stops it.</summary>
    private async Task WaitOrKillAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
