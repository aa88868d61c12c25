using Course.Grader.Calibration;
using Course.Grader.Queue;

namespace Course.Grader.Web.Instructor;

/// <summary>
/// One assignment as the instructor console shows it: its jobs waiting or running (with host and GPUs, as
/// <c>grader jobs</c>), its stored calibration (null when never calibrated), how many submissions it has, the late
/// days students spent on it, and for a competition whether its board is finalized.
/// </summary>
internal sealed record AssignmentState(string Id, string Title, string Kind, string Deadline, IReadOnlyList<JobRow> ActiveJobs,
    CalibrationReport? Calibration, int Submissions, int LateDaysUsed, bool? BoardFinalized);
