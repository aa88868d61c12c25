namespace Course.Credits.Import;

/// <summary>
/// A file of codes of one provider and value; <see cref="Expires"/> applies to rows without their own. <see cref="Actor"/> is who
/// imports it (the signed-in user of a front end), null for the user running this process.
/// </summary>
internal sealed record ImportRequest(string File, string Provider, double Value, string? Expires, string? Actor = null);
