using System.Globalization;
using Course.Leaderboard.Boards;
using Spectre.Console;

namespace Course.Leaderboard.Cli;

/// <summary>Writes a board as a terminal table (Spectre.Console), plain text when output is redirected.</summary>
internal static class BoardTable
{
    public static void Write(Board board, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        var title = $"{board.Assignment} {(board.Private ? "private" : "public")} leaderboard ({board.Metric})";
        var table = new Table().Title(Markup.Escape(title)).AddColumns("#", "Team", "Members", "Score", "Entries", "Last best");
        if (board.Private)
        {
            table.AddColumns("Public #", "Shake-up");
        }

        foreach (var row in board.Rows)
        {
            var cells = new List<string>
            {
                row.Rank.ToString(CultureInfo.InvariantCulture), row.Team, string.Join(", ", row.Members),
                row.Score.ToString("0.#####", CultureInfo.InvariantCulture), row.Entries.ToString(CultureInfo.InvariantCulture),
                row.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            };
            if (board.Private)
            {
                cells.Add(row.PublicRank?.ToString(CultureInfo.InvariantCulture) ?? "");
                cells.Add(row.Shakeup is { } s ? s.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "");
            }

            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        if (board.Rows.Count == 0)
        {
            output.WriteLine("no scored submissions yet");
        }
    }
}
