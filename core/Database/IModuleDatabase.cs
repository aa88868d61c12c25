namespace Course.Core.Database;

/// <summary>One module's tables: <c>grader db migrate</c> migrates every registered one.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    /// <summary>Applies pending migrations; returns the names of those applied.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellation);
}
