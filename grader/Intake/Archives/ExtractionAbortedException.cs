namespace Course.Grader.Intake.Archives;

/// <summary>Stops an extraction when a cap is reached; <see cref="ArchiveExtractor"/> turns it into the report's reason.</summary>
internal sealed class ExtractionAbortedException(string reason) : Exception(reason);
