using Course.Assignments.Model;

namespace Course.Grader.Grades;

/// <summary>Automatic scores of competition assignments: the competition's final standings, not single grading runs.</summary>
public interface ICompetitionScores
{
    /// <summary>Fractions (0..1) of <paramref name="assignment"/>'s points by student login, or why there are none yet.</summary>
    Task<CompetitionColumn> ReadAsync(AssignmentSpec assignment, CancellationToken cancellation);
}
