namespace Course.Leaderboard.Boards;

/// <summary>Reads a competition's board, for pages and APIs outside this module.</summary>
public interface IBoards
{
    /// <summary>The public board; the private one only after finalization (hidden scores stay hidden until then).</summary>
    /// <exception cref="Course.Core.Errors.BadInputException">Unknown assignment, or the private board before finalization.</exception>
    Task<Board> ShowAsync(string assignment, bool privateBoard, CancellationToken cancellation);

    /// <summary>Closes the competition after its deadline and returns the private board; doing it again changes nothing.</summary>
    /// <exception cref="Course.Core.Errors.BadInputException">Unknown assignment, or before the deadline.</exception>
    Task<Board> FinalizeAsync(string assignment, CancellationToken cancellation);

    /// <summary>Whether <c>grader leaderboard finalize</c> ran: the private board and final standings exist.</summary>
    Task<bool> IsFinalizedAsync(string assignment, CancellationToken cancellation);
}
