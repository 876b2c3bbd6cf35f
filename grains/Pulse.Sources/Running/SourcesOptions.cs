using System.ComponentModel.DataAnnotations;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>Section "Pulse:Sources": how sources are supervised. The sources themselves live in the catalog (API or file).</summary>
public sealed class SourcesOptions
{
    public const string Section = "Pulse:Sources";

    /// <summary>How often each silo asks every source grain to be running: the longest a source stays down after its silo dies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SupervisorInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a running source's cursor is saved (at most this much is read again after a kill).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CursorSaveInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A stream is never called silent sooner than this after its last event.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StreamSilenceFloor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The shortest silence worth a signal: a stream's floor, or three polls of a feed (a feed changes on its own rhythm).</summary>
    public TimeSpan SilenceFloor(SourceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Kind == SourceKind.Rss
            ? TimeSpan.FromSeconds(Math.Max(StreamSilenceFloor.TotalSeconds, 3.0 * definition.PollSeconds))
            : StreamSilenceFloor;
    }
}
