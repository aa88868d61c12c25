namespace Course.Assignments.Roster;

/// <summary>One line of roster.csv: login,name,email[,section][,github].</summary>
internal sealed record RosterRow(int Line, string Login, string Name, string Email, string? Section, string GitHub);
