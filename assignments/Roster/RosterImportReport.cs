namespace Course.Assignments.Roster;

/// <summary>What an import changed.</summary>
/// <param name="NotInFile">Enrolled students the file no longer lists; they are kept.</param>
public sealed record RosterImportReport(int Added, int Updated, int Unchanged, IReadOnlyList<string> NotInFile);
