
namespace Pulse.Grains;

/// <summary>The channels Pulse knows (section "Pulse:Channels"); mentions on other channels are rejected at ingest.</summary>
public sealed class ChannelOptions
{
    public const string Section = "Pulse";

    public static readonly string[] Defaults = ["x", "bluesky", "mastodon", "reddit", "news", "blogs", "forums", "reviews"];

    /// <summary>Empty means <see cref="Defaults"/> (configuration binding appends to, not replaces, initialised arrays).</summary>
    public string[] Channels { get; set; } = [];
}
