using System.Text;
using System.Text.Json;
using Pulse.Synthetic;

namespace Pulse.Load;

/// <summary>
/// A pool of pre-rendered mentions that sends cycle through, so generating load costs a copy per mention and the
/// generator, which shares the cores with the server, is not what limits the rate. Brands are drawn by
/// <see cref="ZipfPopularity"/> (Zipf or uniform, <see cref="BrandSpread"/>), channels by the demo's channel shares, engagement from the demo's heavy tails;
/// English and German posts with positive, neutral and negative wording, #hashtags and @handles.
/// </summary>
internal sealed class MentionPool
{
    public const int DefaultSize = 16_384;

    /// <summary>Past this many brands the pool grows (two mentions a brand, at most <see cref="MaxSize"/>), so that a
    /// uniform spread over many brands reaches all of them, not the pool's first 16 384.</summary>
    public const int MaxSize = 262_144;

    private static readonly string[] TagsEn = ["#customerservice", "#fail", "#love", "#mondaymood", "#review", "#tech", "#deal"];
    private static readonly string[] TagsDe = ["#kundenservice", "#ärgerlich", "#liebe", "#montag", "#test", "#technik", "#angebot"];

    private readonly PooledMention[] _mentions;

    private MentionPool(PooledMention[] mentions) => _mentions = mentions;

    public int Count => _mentions.Length;

    public PooledMention this[long sequence] => _mentions[(int)(sequence % _mentions.Length)];

    /// <summary>The pool size for <paramref name="brands"/> brands.</summary>
    public static int SizeFor(int brands) => Math.Clamp(2 * brands, DefaultSize, MaxSize);

    public static MentionPool Create(IReadOnlyList<LoadBrand> brands, ulong seed, BrandSpread spread = BrandSpread.Zipf, int? size = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(brands.Count);
        var popularity = ZipfPopularity.For(spread, brands.Count);
        var mentions = new PooledMention[size ?? SizeFor(brands.Count)];
        var buffer = new MemoryStream();
        for (var i = 0; i < mentions.Length; i++)
        {
            var random = DemoRandom.For(seed, 0x9001, i);
            var brandIndex = popularity.Rank(random.NextDouble());
            mentions[i] = Render(brands[brandIndex], brandIndex, ref random, buffer);
        }

        return new MentionPool(mentions);
    }

    /// <summary>A probe: a plain post that mentions only its probe brand (one of <see cref="LoadBrands.Probes"/>).</summary>
    public static PooledMention Probe(LoadBrand probeBrand, int index)
    {
        var channel = DemoChannel.All[index % DemoChannel.All.Count];
        return Write(-1, channel, DemoLanguages.English, $"Checking in on {probeBrand.Name} today.", "pulse_load", default, new MemoryStream());
    }

    private static PooledMention Render(LoadBrand brand, int brandIndex, ref DemoRandom random, MemoryStream buffer)
    {
        var channel = PickChannel(ref random);
        var language = random.Chance(0.8) ? brand.Language : DemoLanguages.Other(brand.Language);
        var german = language == DemoLanguages.German;
        var tone = random.NextDouble() switch { < 0.35 => DemoTone.Positive, < 0.8 => DemoTone.Neutral, _ => DemoTone.Negative };
        var reference = random.NextDouble() switch { < 0.6 => brand.Name, < 0.8 => brand.Hashtag, _ => brand.Handle };
        var text = new StringBuilder(random.Pick(DemoTemplates.Regular(language, channel.Style, tone)))
            .Replace("{brand}", reference)
            .Replace("{product}", LoadBrands.ProductName(brand, language));
        if (channel.Style == DemoChannelStyle.Social)
        {
            if (random.Chance(0.3))
            {
                text.Append(' ').Append(random.Pick(german ? TagsDe : TagsEn));
            }

            if (reference != brand.Hashtag && random.Chance(0.2))
            {
                text.Append(' ').Append(brand.Hashtag);
            }
        }

        var author = DemoAuthors.Sample(ref random, language, channel);
        var engagement = DemoEngagement.Sample(ref random, channel);
        return Write(brandIndex, channel, language, text.ToString(), author, engagement, buffer);
    }

    private static PooledMention Write(int brandIndex, DemoChannel channel, string language, string text, string author, DemoEngagement engagement, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("channel", channel.Name);
            json.WriteString("text", text);
            json.WriteString("author", author);
            json.WriteString("lang", language);
            json.WriteNumber("likes", engagement.Likes);
            json.WriteNumber("shares", engagement.Shares);
            json.WriteNumber("comments", engagement.Comments);
            json.WriteNumber("reach", engagement.Reach);
            json.WriteEndObject();
        }

        var tail = buffer.ToArray().AsSpan(1).ToArray(); // members and the closing brace, without the opening one
        var urlPrefix = Encoding.UTF8.GetBytes($"\"url\":\"https://{Host(channel.Name)}/");
        return new PooledMention(brandIndex, channel.Name, language, engagement.Likes, urlPrefix, tail);
    }

    private static DemoChannel PickChannel(ref DemoRandom random)
    {
        var draw = random.NextDouble();
        foreach (var channel in DemoChannel.All)
        {
            draw -= channel.Share;
            if (draw < 0)
            {
                return channel;
            }
        }

        return DemoChannel.All[^1];
    }

    private static string Host(string channel) => channel switch
    {
        "x" => "x.com/status",
        "bluesky" => "bsky.app/post",
        "mastodon" => "mastodon.social/post",
        "reddit" => "reddit.com/comments",
        "news" => "news.example/article",
        "blogs" => "blog.example/post",
        "forums" => "forum.example/thread",
        _ => "reviews.example/review",
    };
}
