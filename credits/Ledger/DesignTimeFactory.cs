using Course.Core.Database;

namespace Course.Credits.Ledger;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory() : ModuleDesignTimeFactory<CreditsDbContext>("credits", options => new(options));
