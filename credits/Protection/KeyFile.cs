using System.Security.Cryptography;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Course.Credits.Protection;

/// <summary>
/// The 32-byte master key of the ledger, from the file named by <c>Credits:KeyFile</c>
/// (<c>Credits__KeyFile</c>) or, when unset, <c>credits.key</c> beside course.json, created on
/// first use with mode 0600. The key never goes into the database or course.json. A configured path
/// that is a folder, or lies in a folder that does not exist, is bad input naming the setting.
/// </summary>
internal sealed class KeyFile(IConfiguration configuration, CoursePaths paths)
{
    private const int KeyBytes = 32;
    private readonly Lock _gate = new();
    private byte[]? _key;

    public string Path { get; } = Locate(new SettingsSection(configuration, "Credits"), paths);

    /// <summary>True when this process created the key file (the CLI tells the user to back it up).</summary>
    public bool Created { get; private set; }

    public byte[] Key
    {
        get
        {
            lock (_gate)
            {
                return _key ??= LoadOrCreate();
            }
        }
    }

    private static string Locate(SettingsSection credits, CoursePaths paths)
    {
        if (credits.Text("KeyFile") is not { } configured)
        {
            return System.IO.Path.Combine(paths.Directory, "credits.key");
        }

        var path = paths.Resolve(configured.Trim());
        var folder = System.IO.Path.GetDirectoryName(path)!;
        return Directory.Exists(path) ? throw new BadInputException($"{credits.NameOf("KeyFile")}: {path} is a folder, not the key file")
            : !Directory.Exists(folder) ? throw new BadInputException($"{credits.NameOf("KeyFile")}: folder {folder} does not exist (the key file is created there on first use)")
            : path;
    }

    private byte[] LoadOrCreate()
    {
        if (!File.Exists(Path))
        {
            TryCreate();
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(Path).Trim());
        }
        catch (FormatException error)
        {
            throw new BadInputException($"{Path}: the credits key file is not base64 text", error);
        }

        return key.Length == KeyBytes
            ? key
            : throw new BadInputException($"{Path}: the credits key must be {KeyBytes} bytes, it has {key.Length}");
    }

    private void TryCreate()
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(Path, options);
            writer.Write(Convert.ToBase64String(key));
            Created = true;
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Another process created it first: use theirs, the ledger must have one key.
        }
    }
}
