using Course.Core.Database;

namespace Course.Leaderboard.Submissions;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory() : ModuleDesignTimeFactory<LeaderboardDbContext>("leaderboard", options => new(options));
