namespace Course.Assignments.Roster;

/// <summary>Enrolls students from roster.csv (login,name,email[,section][,github]): all lines or none.</summary>
public interface IRosterImport
{
    Task<RosterImportReport> ImportAsync(string path, CancellationToken cancellation);
}
