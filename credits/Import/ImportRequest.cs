namespace Course.Credits.Import;

/// <summary>A file of codes of one provider and value; <see cref="Expires"/> applies to rows without their own.</summary>
internal sealed record ImportRequest(string File, string Provider, double Value, string? Expires);
