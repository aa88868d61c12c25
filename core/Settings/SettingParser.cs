namespace Course.Core.Settings;

/// <summary>Parses one trimmed, non-blank setting; false when <paramref name="text"/> is not a valid value.</summary>
public delegate bool SettingParser<T>(string text, out T value);
