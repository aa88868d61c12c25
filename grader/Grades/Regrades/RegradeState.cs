namespace Course.Grader.Grades.Regrades;

/// <summary>Where a regrade request stands.</summary>
internal enum RegradeState
{
    Open,

    /// <summary>Resolved with a new score (an override of every team member's score).</summary>
    Changed,

    /// <summary>Resolved with the score kept, and the reason why.</summary>
    Unchanged,
}
