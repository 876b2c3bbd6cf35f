namespace Pulse.Grains;

/// <summary>The key of a (brand, channel) grain: "brand/channel". Brand ids never contain '/'.</summary>
public readonly record struct ChannelKey(string BrandId, string Channel)
{
    public override string ToString() => $"{BrandId}/{Channel}";

    public static ChannelKey Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash <= 0 ? throw new FormatException($"Not a (brand, channel) key: '{key}'.") : new(key[..slash], KnownChannel(key.AsSpan(slash + 1)));
    }

    // The shared constant for a default channel: every grain keeps its key, 100 000 copies of "bluesky" are 3.6 MB.
    private static string KnownChannel(ReadOnlySpan<char> channel)
    {
        foreach (var known in ChannelOptions.Defaults)
        {
            if (channel.SequenceEqual(known))
            {
                return known;
            }
        }

        return channel.ToString();
    }
}
