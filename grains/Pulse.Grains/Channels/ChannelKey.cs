namespace Pulse.Grains;

/// <summary>The key of a (brand, channel) grain: "brand/channel". Brand ids never contain '/'.</summary>
public readonly record struct ChannelKey(string BrandId, string Channel)
{
    public override string ToString() => $"{BrandId}/{Channel}";

    public static ChannelKey Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash <= 0 ? throw new FormatException($"Not a (brand, channel) key: '{key}'.") : new(key[..slash], key[(slash + 1)..]);
    }
}
