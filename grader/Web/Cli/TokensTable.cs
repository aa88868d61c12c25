using Course.Core.Output;
using Course.Grader.Web.Auth;
using Spectre.Console;

namespace Course.Grader.Web.Cli;

/// <summary>The table of <c>grader users tokens</c>; times in UTC.</summary>
internal static class TokensTable
{
    public static async Task PrintAsync(TextWriter output, IReadOnlyList<TokenRow> rows)
    {
        var table = new Table().AddColumns("id", "login", "created", "expires", "last used", "state");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Id), Markup.Escape(row.Login), Time(row.CreatedAt), Time(row.ExpiresAt),
                row.LastUsedAt is { } used ? Time(used) : "never", row.RevokedAt is { } revoked ? $"revoked {Time(revoked)}" : row.State);
        }

        await TableWriter.WriteAsync(output, table);
    }

    private static string Time(DateTimeOffset at) => $"{at.ToUniversalTime():yyyy-MM-dd HH:mm}";
}
