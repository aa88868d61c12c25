namespace Course.Grader.Grades;

/// <summary>
/// Scores the pipeline computed: the counting submission of each student, late days and late penalty applied.
/// Competitions are not among them: they are graded from their final board (<see cref="ICompetitionScores"/>).
/// </summary>
public interface IAutomaticScores
{
    /// <summary>Scores by assignment and student login.</summary>
    Task<IReadOnlyDictionary<(string Assignment, string Login), AutomaticScore>> ReadAsync(CancellationToken cancellation);
}
