namespace Course.Core.Csv;

/// <summary>A <see cref="StaffCsvFile"/> file: what the caller made of its header, and its data lines.</summary>
public sealed record CsvTable<THeader>(THeader Header, IReadOnlyList<CsvLine> Lines);
