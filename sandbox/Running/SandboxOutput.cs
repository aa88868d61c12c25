namespace Course.Sandbox.Running;

/// <summary>One accepted output file: its path under <c>/out</c>, size and lowercase hex SHA-256.</summary>
public sealed record SandboxOutput(string Path, long Bytes, string Sha256);
