using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Credits.Issuing;

/// <summary>An outcome as the word the command line's JSON writes (<c>issued</c>, <c>noneLeft</c>), also where a front end's JSON options know no enum names.</summary>
internal sealed class OutcomeJsonConverter() : JsonStringEnumConverter<IssueOutcome>(JsonNamingPolicy.CamelCase);
