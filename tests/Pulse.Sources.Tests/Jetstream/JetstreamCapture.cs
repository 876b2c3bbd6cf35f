namespace Pulse.Sources.Tests.Jetstream;

/// <summary>The recorded Jetstream capture (shared samples), replayed by the connector tests.</summary>
internal static class JetstreamCapture
{
    public const string SamplesDirectory = "/work/shared/samples";

    public static string CapturePath => Path.Combine(SamplesDirectory, "jetstream_v1_expected_v1.jsonl");

    public static string ManifestPath => Path.Combine(SamplesDirectory, "jetstream_v1_manifest.json");

    public static IReadOnlyList<string> CaptureLines() =>
        [.. File.ReadLines(CapturePath).Where(l => !string.IsNullOrWhiteSpace(l))];
}
