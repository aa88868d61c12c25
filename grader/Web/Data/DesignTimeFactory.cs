using Course.Core.Database;

namespace Course.Grader.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory() : ModuleDesignTimeFactory<WebDbContext>("web", options => new(options));
