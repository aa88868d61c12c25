namespace Course.Sandbox.Tests.Support;

/// <summary>Engine tests share one fixture and run one after another (2 cores, timing-sensitive verdicts).</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "Docker engine";
}
