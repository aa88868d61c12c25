namespace Course.Assignments.Feedback.Checks;

/// <summary>One sanity check's verdict, with a message written for the student.</summary>
public sealed record FeedbackCheck(string Name, CheckStatus Status, string Message);
