namespace Pulse.Analytics.Language;

/// <summary>The language tags detection yields; constants, so results compare by reference and never allocate.</summary>
public static class Languages
{
    public const string English = "en";
    public const string German = "de";
    public const string Undetermined = "und";
}
