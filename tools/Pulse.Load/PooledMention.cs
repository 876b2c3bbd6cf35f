namespace Pulse.Load;

/// <summary>
/// One pre-rendered mention without its per-send fields: <see cref="Tail"/> is the UTF-8 JSON object's members after
/// id, url and timestamp, closing brace included (<c>"channel":"x","text":…,"reach":300}</c>). Sending one is a copy.
/// </summary>
internal sealed record PooledMention(int BrandIndex, string Channel, string Language, long Likes, byte[] UrlPrefix, byte[] Tail);
