namespace Pulse.Synthetic;

/// <summary>The two languages the demo writes in (ISO 639-1, as clients tag posts).</summary>
public static class DemoLanguages
{
    public const string English = "en";
    public const string German = "de";

    public static string Other(string language) => language == German ? English : German;
}
