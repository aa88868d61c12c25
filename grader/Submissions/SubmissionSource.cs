namespace Course.Grader.Submissions;

/// <summary>Where a submission came from.</summary>
public enum SubmissionSource
{
    Local,
    GitHub,
    Upload,
}
