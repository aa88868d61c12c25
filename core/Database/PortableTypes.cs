using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Course.Core.Database;

/// <summary>
/// Column types that SQLite and PostgreSQL both understand, so one set of checked-in migrations
/// serves both providers: times as Unix milliseconds (sortable on SQLite too), GUIDs and enums
/// as text, and no provider-specific identity columns (keys are made by the application).
/// </summary>
public static class PortableTypes
{
    /// <summary>Call from <c>ConfigureConventions</c> of every module DbContext.</summary>
    public static ModelConfigurationBuilder UsePortableTypes(this ModelConfigurationBuilder builder)
    {
        builder.Properties<string>().HaveColumnType("text");
        builder.Properties<int>().HaveColumnType("integer");
        builder.Properties<long>().HaveColumnType("bigint");
        builder.Properties<double>().HaveColumnType("double precision");
        builder.Properties<bool>().HaveColumnType("boolean");
        builder.Properties<Guid>().HaveConversion<string>().HaveColumnType("text");
        builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>().HaveColumnType("bigint");
        builder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>().HaveColumnType("bigint");
        return builder;
    }

    /// <summary>Times as Unix milliseconds; public because compiled models construct it.</summary>
    public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}
