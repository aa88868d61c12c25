namespace Course.Grader.Submissions;

/// <summary>One setting of a git config file: its full key as git names it (section and name lower case) and its value (null: no '=').</summary>
internal sealed record GitConfigEntry(string Key, string? Value);
