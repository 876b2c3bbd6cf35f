namespace Pulse.Silo.Sources;

/// <summary>Section "Pulse:Sources": the sources of the configuration file, added at start when their id is not configured yet.</summary>
public sealed class SourcesFileOptions
{
    public const string Section = "Pulse:Sources";

    public List<SourceRequest> Definitions { get; } = [];
}
