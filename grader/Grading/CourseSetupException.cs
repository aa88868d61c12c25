namespace Course.Grader.Grading;

/// <summary>
/// The course's own set-up keeps a job from running (the assignment was never calibrated, its image cannot be
/// built here, its package folder is missing). Retrying cannot help and the student did nothing wrong: the job
/// waits, blocked with this message, until <see cref="CourseSetup"/> finds the set-up complete.
/// </summary>
public sealed class CourseSetupException(string message) : Exception(message);
