namespace Course.Grader.Queue;

/// <summary>
/// Where a queued job stands: its 1-based place in claim order among the queued jobs, when a worker is expected to
/// start it and when its result is expected (see <see cref="QueueEstimate"/>), and where the expected start came from.
/// </summary>
public sealed record QueuePlace(int Position, DateTimeOffset ExpectedStart, DateTimeOffset ExpectedResult,
    EstimateSource Source = EstimateSource.Measured);
