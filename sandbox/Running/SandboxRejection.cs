namespace Course.Sandbox.Running;

/// <summary>One refused entry of <c>/out</c> (a link, a special file, a name or size over a limit).</summary>
public sealed record SandboxRejection(string Path, string Reason);
