namespace Course.Assignments.Model;

public enum AssignmentKind
{
    /// <summary>Student code runs on hidden inputs; outputs are compared with the reference's.</summary>
    Tests,

    /// <summary>Student trains and predicts; the host scores predictions against hidden labels.</summary>
    Competition,

    /// <summary>Rubric items graded by TAs.</summary>
    Written,

    /// <summary>Team project with milestones and contribution weights.</summary>
    Project,

    /// <summary>Buggy starter code; hidden checks give credit per bug fixed.</summary>
    Debug,
}
