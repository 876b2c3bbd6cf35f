using System.Globalization;
using Pulse.Grains.Mentions;
using Pulse.Synthetic;

namespace Pulse.Silo.Demo;

/// <summary>
/// The demo's traffic as a pure function of seed, start time and time range. Time is cut into
/// one-second slots, each (slot, brand, channel) draws from its own random stream, so
/// generating [a, b) then [b, c) yields exactly the mentions of [a, c), however the ticks fall.
/// </summary>
public sealed class DemoScenario
{
    /// <summary>How long a crisis takes to reach full volume.</summary>
    internal static readonly TimeSpan CrisisRampUp = TimeSpan.FromSeconds(10);

    /// <summary>The fade-out after a crisis' duration; the next crisis may only start after it.</summary>
    internal static readonly TimeSpan CrisisDecay = TimeSpan.FromSeconds(15);

    /// <summary>The viral post lands once the spike is visibly under way.</summary>
    internal static readonly TimeSpan ViralDelay = TimeSpan.FromSeconds(12);

    // A compressed "day" so the time-of-day drift is visible within a demo session.
    private static readonly TimeSpan DayLength = TimeSpan.FromMinutes(10);

    private const double BaselinePerSecond = 60; // all brands together, at RateMultiplier 1
    private const double DriftAmplitude = 0.25;
    private const double NoiseSigma = 0.2;
    private const double DecoyShare = 0.03;
    private const double PrimaryLanguageShare = 0.8;
    private const double CrisisNegativeShare = 0.75;
    private const double CrisisPositiveShare = 0.07;
    private const string ViralChannel = "x";

    private readonly DemoBrand[] _brands;
    private readonly DemoBrandProfile[] _profiles;
    private readonly double[] _brandRates;
    private readonly int _seed;
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _crisisInterval;
    private readonly TimeSpan _crisisDuration;
    private readonly TimeSpan _firstCrisisDelay;
    private readonly double _crisisMultiplier;

    public DemoScenario(IReadOnlyList<DemoBrand> brands, DemoOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(brands);
        ArgumentNullException.ThrowIfNull(options);
        if (brands.Count == 0)
        {
            throw new ArgumentException("The demo needs at least one brand.", nameof(brands));
        }

        _brands = [.. brands];
        _profiles = Array.ConvertAll(_brands, DemoBrandProfiles.For);
        var totalWeight = _profiles.Sum(p => p.Weight);
        _brandRates = Array.ConvertAll(_profiles, p => BaselinePerSecond * options.RateMultiplier * p.Weight / totalWeight);
        _seed = options.Seed;
        _start = start;
        _crisisInterval = options.CrisisInterval;
        _crisisDuration = options.CrisisDuration;
        _firstCrisisDelay = options.FirstCrisisDelay;
        _crisisMultiplier = options.CrisisMultiplier;
    }

    public DateTimeOffset Start => _start;

    /// <summary>The mentions whose timestamps fall in [<paramref name="from"/>, <paramref name="to"/>), oldest first, Brand left to the matcher.</summary>
    public IReadOnlyList<Mention> Generate(DateTimeOffset from, DateTimeOffset to) =>
        GenerateTagged(from, to).ConvertAll(static m => m.Mention);

    /// <summary>Crises whose start falls in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IReadOnlyList<DemoCrisis> CrisesStartingIn(DateTimeOffset from, DateTimeOffset to)
    {
        var crises = new List<DemoCrisis>();
        var first = Math.Max(0, (long)Math.Ceiling((from - _start - _firstCrisisDelay) / _crisisInterval));
        for (var number = first; CrisisStart(number) < to; number++)
        {
            if (CrisisStart(number) >= from)
            {
                crises.Add(Crisis(number));
            }
        }

        return crises;
    }

    internal List<DemoGeneratedMention> GenerateTagged(DateTimeOffset from, DateTimeOffset to)
    {
        var mentions = new List<DemoGeneratedMention>();
        if (to <= from)
        {
            return mentions;
        }

        var lastSlot = SlotOf(to.UtcTicks - 1);
        for (var slot = SlotOf(from.UtcTicks); slot <= lastSlot; slot++)
        {
            for (var brand = 0; brand < _brands.Length; brand++)
            {
                GenerateSlot(slot, brand, from, to, mentions);
            }
        }

        foreach (var crisis in CrisesStartingIn(from - ViralDelay, to - ViralDelay))
        {
            mentions.Add(ViralMention(crisis));
        }

        mentions.Sort(static (a, b) => a.Mention.Timestamp.CompareTo(b.Mention.Timestamp));
        return mentions;
    }

    private void GenerateSlot(long slot, int brand, DateTimeOffset from, DateTimeOffset to, List<DemoGeneratedMention> mentions)
    {
        var slotStart = new DateTimeOffset(DateTime.UnixEpoch.Ticks + slot * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var middle = slotStart + TimeSpan.FromSeconds(0.5);

        var noise = DemoRandom.For((ulong)_seed, slot, brand, -1);
        var phase = 2 * Math.PI * brand / _brands.Length;
        var drift = 1 + DriftAmplitude * Math.Sin(2 * Math.PI * ((middle - _start) / DayLength) + phase);
        var regularRate = _brandRates[brand] * drift * Math.Exp(NoiseSigma * noise.NextGaussian() - NoiseSigma * NoiseSigma / 2);
        var crisisRate = _brandRates[brand] * (_crisisMultiplier - 1) * CrisisLevel(brand, middle);

        var channels = DemoChannel.All;
        for (var channel = 0; channel < channels.Count; channel++)
        {
            var share = channels[channel].Share;
            GenerateArrivals(slot, slotStart, brand, channel, crisis: false, regularRate * share, from, to, mentions);
            if (crisisRate > 0)
            {
                GenerateArrivals(slot, slotStart, brand, channel, crisis: true, crisisRate * share, from, to, mentions);
            }
        }
    }

    private void GenerateArrivals(
        long slot, DateTimeOffset slotStart, int brand, int channel, bool crisis, double rate,
        DateTimeOffset from, DateTimeOffset to, List<DemoGeneratedMention> mentions)
    {
        var stream = crisis ? 1 : 0;
        var arrivals = DemoRandom.For((ulong)_seed, slot, brand, channel, stream);
        var count = arrivals.Poisson(rate);
        for (var n = 0; n < count; n++)
        {
            var timestamp = slotStart + TimeSpan.FromTicks((long)(arrivals.NextDouble() * TimeSpan.TicksPerSecond));
            if (timestamp < from || timestamp >= to)
            {
                continue;
            }

            // Each post has its own stream, so skipping the ones outside the range changes nothing else.
            var random = DemoRandom.For((ulong)_seed, slot, brand, channel, ((long)(stream + 2) << 32) | (uint)n);
            var id = string.Create(CultureInfo.InvariantCulture, $"demo-{_seed}-{slot}-{brand}-{channel}-{(crisis ? 'c' : 'r')}{n}");
            mentions.Add(crisis
                ? CrisisMention(ref random, brand, DemoChannel.All[channel], id, timestamp)
                : RegularMention(ref random, brand, DemoChannel.All[channel], id, timestamp));
        }
    }

    private DemoGeneratedMention RegularMention(ref DemoRandom random, int brand, DemoChannel channel, string id, DateTimeOffset timestamp)
    {
        var profile = _profiles[brand];
        if (channel.Style == DemoChannelStyle.Social && profile.Decoys.Count > 0 && random.Chance(DecoyShare))
        {
            var decoy = random.Pick(profile.Decoys);
            var decoyAuthor = decoy.Author ?? DemoAuthors.Sample(ref random, decoy.Lang, channel);
            return Tagged(ref random, brand, DemoMentionKind.Decoy, DemoTone.Neutral, channel, id, timestamp, decoy.Text, decoy.Lang, decoyAuthor);
        }

        var language = SampleLanguage(ref random, profile);
        var roll = random.NextDouble();
        var tone = roll < profile.PositiveShare ? DemoTone.Positive
            : roll < profile.PositiveShare + profile.NegativeShare ? DemoTone.Negative
            : DemoTone.Neutral;
        var text = Compose(ref random, brand, language, channel, random.Pick(DemoTemplates.Regular(language, channel.Style, tone)));
        // People tag the brand on top of naming it now and then.
        if (channel.Style == DemoChannelStyle.Social && _brands[brand].Hashtags.Count > 0 && random.Chance(0.15))
        {
            text += " " + random.Pick(_brands[brand].Hashtags);
        }

        var author = DemoAuthors.Sample(ref random, language, channel);
        return Tagged(ref random, brand, DemoMentionKind.Regular, tone, channel, id, timestamp, text, language, author);
    }

    private DemoGeneratedMention CrisisMention(ref DemoRandom random, int brand, DemoChannel channel, string id, DateTimeOffset timestamp)
    {
        var language = SampleLanguage(ref random, _profiles[brand]);
        var roll = random.NextDouble();
        var tone = roll < CrisisNegativeShare ? DemoTone.Negative
            : roll < CrisisNegativeShare + CrisisPositiveShare ? DemoTone.Positive
            : DemoTone.Neutral;
        var text = Compose(ref random, brand, language, channel, random.Pick(DemoTemplates.Crisis(language, channel.Style, tone)));
        var author = DemoAuthors.Sample(ref random, language, channel);
        return Tagged(ref random, brand, DemoMentionKind.Crisis, tone, channel, id, timestamp, text, language, author);
    }

    private DemoGeneratedMention ViralMention(DemoCrisis crisis)
    {
        var brand = BrandOfCrisis(crisis.Number);
        var random = DemoRandom.For((ulong)_seed, crisis.Number, brand, -2);
        var channel = DemoChannel.All.First(c => c.Name == ViralChannel);
        var language = _profiles[brand].Language;
        var text = Compose(ref random, brand, language, channel, random.Pick(DemoTemplates.Crisis(language, channel.Style, DemoTone.Negative)));
        var id = string.Create(CultureInfo.InvariantCulture, $"demo-{_seed}-viral-{crisis.Number}");
        var engagement = DemoEngagement.SampleViral(ref random);
        var mention = new Mention(
            id, channel.Name, text, crisis.Start + ViralDelay, DemoAuthors.SampleInfluencer(ref random, language), language, Url(channel, id),
            engagement.Likes, engagement.Shares, engagement.Comments, engagement.Reach, Brand: null);
        return new DemoGeneratedMention(_brands[brand].Id, DemoMentionKind.Viral, DemoTone.Negative, mention);
    }

    private DemoGeneratedMention Tagged(
        ref DemoRandom random, int brand, DemoMentionKind kind, DemoTone tone, DemoChannel channel, string id,
        DateTimeOffset timestamp, string text, string language, string author)
    {
        var engagement = DemoEngagement.Sample(ref random, channel);
        var mention = new Mention(
            id, channel.Name, text, timestamp, author, TagLanguage(ref random, language), Url(channel, id),
            engagement.Likes, engagement.Shares, engagement.Comments, engagement.Reach, Brand: null);
        return new DemoGeneratedMention(_brands[brand].Id, kind, tone, mention);
    }

    private string Compose(ref DemoRandom random, int brand, string language, DemoChannel channel, string template)
    {
        var profile = _profiles[brand];
        return template
            .Replace("{brand}", BrandReference(ref random, _brands[brand], channel), StringComparison.Ordinal)
            .Replace("{product}", random.Pick(profile.Products(language)), StringComparison.Ordinal)
            .Replace("{crisis}", random.Pick(profile.CrisisTerms(language)), StringComparison.Ordinal)
            .Replace("{crisistag}", profile.CrisisHashtag, StringComparison.Ordinal);
    }

    /// <summary>Posts name the brand, tag it or address its handle; headlines always use the name.</summary>
    private static string BrandReference(ref DemoRandom random, DemoBrand brand, DemoChannel channel)
    {
        if (channel.Style == DemoChannelStyle.Social)
        {
            var roll = random.NextDouble();
            if (roll < 0.2 && brand.Hashtags.Count > 0)
            {
                return random.Pick(brand.Hashtags);
            }

            if (roll < 0.4 && brand.Handles.Count > 0)
            {
                return random.Pick(brand.Handles);
            }
        }

        return brand.Name;
    }

    private static string SampleLanguage(ref DemoRandom random, DemoBrandProfile profile) =>
        random.Chance(PrimaryLanguageShare) ? profile.Language : DemoLanguages.Other(profile.Language);

    /// <summary>The language tag as clients set it: usually right, sometimes missing, now and then wrong.</summary>
    private static string? TagLanguage(ref DemoRandom random, string language)
    {
        var roll = random.NextDouble();
        return roll < 0.85 ? language : roll < 0.95 ? null : DemoLanguages.Other(language);
    }

    private static string Url(DemoChannel channel, string id) => $"https://example.com/{channel.Name}/{id}";

    /// <summary>Whole seconds since the Unix epoch, rounded down.</summary>
    private static long SlotOf(long utcTicks)
    {
        var offset = utcTicks - DateTime.UnixEpoch.Ticks;
        var slot = offset / TimeSpan.TicksPerSecond;
        return offset < 0 && offset % TimeSpan.TicksPerSecond != 0 ? slot - 1 : slot;
    }

    private DateTimeOffset CrisisStart(long number) => _start + _firstCrisisDelay + _crisisInterval * number;

    private int BrandOfCrisis(long number) => (int)((number + _seed) % _brands.Length);

    private DemoCrisis Crisis(long number)
    {
        var brand = BrandOfCrisis(number);
        var start = CrisisStart(number);
        return new DemoCrisis(number, _brands[brand].Id, _brands[brand].Name, _profiles[brand].CrisisHashtag, start, start + _crisisDuration);
    }

    /// <summary>0 outside a crisis of this brand, ramping to 1 within <see cref="CrisisRampUp"/>, fading over <see cref="CrisisDecay"/>.</summary>
    private double CrisisLevel(int brand, DateTimeOffset time)
    {
        var sinceFirst = time - _start - _firstCrisisDelay;
        if (sinceFirst < TimeSpan.Zero)
        {
            return 0;
        }

        // Crises never overlap (validated), so only the latest one can be active.
        var number = (long)(sinceFirst / _crisisInterval);
        if (BrandOfCrisis(number) != brand)
        {
            return 0;
        }

        var elapsed = sinceFirst - _crisisInterval * number;
        if (elapsed < CrisisRampUp)
        {
            return elapsed / CrisisRampUp;
        }

        if (elapsed < _crisisDuration)
        {
            return 1;
        }

        var fading = elapsed - _crisisDuration;
        return fading < CrisisDecay ? 1 - fading / CrisisDecay : 0;
    }
}
