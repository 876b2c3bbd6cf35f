using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;

namespace Pulse.Benchmarks.Memory;

/// <summary>
/// Deterministic mentions shaped like real posts: 60-280 characters of words, hashtags and handles, now and then a
/// link, ids and URLs as the platforms write them, small engagement. Every string is a fresh object, as the ingest
/// parser makes them; channel names and languages are shared constants, as they are in the silo.
/// </summary>
internal sealed class SyntheticMentions(int seed)
{
    private static readonly string[] Words =
    [
        "great", "service", "today", "delivery", "late", "again", "love", "their", "support", "team", "refund", "still",
        "waiting", "order", "price", "update", "broken", "works", "finally", "customer", "experience", "terrible", "amazing",
        "store", "staff", "friendly", "product", "quality", "shipping", "never", "again", "recommend", "heute", "wieder",
        "lieferung", "kundenservice", "schnell", "leider", "super", "danke", "app", "crashes", "login", "account", "new",
        "launch", "campaign", "outage", "down", "fixed", "thanks", "weekend", "sale", "coupon", "battery", "screen",
    ];

    private static readonly string[] Languages = ["en", "de", "und"];

    private readonly Random _random = new(seed);
    private long _next = 1_790_000_000_000_000_000;

    /// <summary>1-5 mentions for one (brand, channel), stamped within the last <paramref name="spread"/> before <paramref name="now"/>.</summary>
    public ScoredMention[] For(string brandId, string channel, DateTimeOffset now, TimeSpan spread)
    {
        var mentions = new ScoredMention[1 + _random.Next(5)];
        for (var i = 0; i < mentions.Length; i++)
        {
            mentions[i] = One(brandId, channel, now - (spread * _random.NextDouble()));
        }

        return mentions;
    }

    public ScoredMention One(string brandId, string channel, DateTimeOffset at)
    {
        var id = (_next += 1 + _random.Next(1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var author = $"user{_random.Next(1_000_000)}";
        var mention = new Mention(
            Id: $"{channel}:{id}",
            Channel: channel,
            Text: Text(brandId),
            Timestamp: at,
            Author: author,
            Lang: _random.Next(3) == 0 ? null : new string(Languages[_random.Next(2)]),
            Url: $"https://{channel}.example/{author}/status/{id}",
            Likes: _random.Next(50),
            Shares: _random.Next(10),
            Comments: _random.Next(10),
            Reach: 100 + _random.Next(20_000));
        var label = (SentimentLabel)_random.Next(3);
        var language = Languages[_random.Next(Languages.Length)];
        return new ScoredMention(mention, brandId, (float)((_random.NextDouble() * 2) - 1), label, language);
    }

    private string Text(string brandId)
    {
        // Lengths skewed towards short posts, as on the platforms: mean about 130 characters.
        var length = 60 + (int)(220 * Math.Pow(_random.NextDouble(), 1.6));
        var text = new System.Text.StringBuilder(length + 24);
        text.Append(brandId).Append(' ');
        while (text.Length < length)
        {
            var pick = _random.Next(20);
            if (pick == 0)
            {
                text.Append('#').Append(Words[_random.Next(Words.Length)]).Append(' ');
            }
            else if (pick == 1)
            {
                text.Append("@user").Append(_random.Next(10_000)).Append(' ');
            }
            else if (pick == 2)
            {
                text.Append("https://t.example/").Append(_random.Next(1_000_000)).Append(' ');
            }
            else
            {
                text.Append(Words[_random.Next(Words.Length)]).Append(' ');
            }
        }

        return text.ToString(0, Math.Min(text.Length, 280)).TrimEnd();
    }
}
