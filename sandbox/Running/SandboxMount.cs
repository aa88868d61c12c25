namespace Course.Sandbox.Running;

/// <summary>A host path mounted at <paramref name="Target"/>. Read-only by default (docs/SECURITY.md rule 3).</summary>
public sealed record SandboxMount(string Source, string Target, bool ReadOnly = true);
