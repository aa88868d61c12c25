namespace Course.Core.Settings;

/// <summary>One module's settings type, registered with <see cref="SettingsServices.AddSettings{T}"/>, read at start.</summary>
internal sealed record SettingsCheck(Type Settings);
