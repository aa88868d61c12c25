namespace Course.Core.Csv;

/// <summary>One data line of a <see cref="StaffCsvFile"/> file: its line number and its fields, trimmed.</summary>
public sealed record CsvLine(int Line, IReadOnlyList<string> Fields);
