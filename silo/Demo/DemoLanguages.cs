namespace Pulse.Silo.Demo;

/// <summary>The two languages the demo writes in (ISO 639-1, as clients tag posts).</summary>
internal static class DemoLanguages
{
    public const string English = "en";
    public const string German = "de";

    public static string Other(string language) => language == German ? English : German;
}
