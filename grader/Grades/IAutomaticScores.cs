namespace Course.Grader.Grades;

/// <summary>
/// Scores the pipeline computed: the counting submission of each student, late penalty applied. Competitions
/// are not among them: they are graded from their final board (<see cref="ICompetitionScores"/>).
/// </summary>
public interface IAutomaticScores
{
    /// <summary>Fractions (0..1) of each assignment's points, by assignment and student login.</summary>
    Task<IReadOnlyDictionary<(string Assignment, string Login), double>> ReadAsync(CancellationToken cancellation);
}
