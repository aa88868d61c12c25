namespace Course.Sandbox.Images;

/// <summary>An image ready on the engine: <paramref name="Tag"/> is "name:recipehash"; <paramref name="Built"/> is false when cached.</summary>
public sealed record ImageBuild(string Name, string Tag, bool Built, TimeSpan Elapsed);
