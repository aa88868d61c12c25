namespace Course.Grader.Queue;

/// <summary>A worker's claim on one run of a job: only this (worker, attempt) may heartbeat or complete it.</summary>
public sealed record JobLease(Guid JobId, string Worker, int Attempt);
