using System.Text;
using System.Text.Json;
using CsCheck;
using Pulse.Grains.Mentions;
using Pulse.Silo.Brands;
using Pulse.Silo.Ingest;
using Pulse.Testing;
using static Pulse.Silo.Tests.Ingest.IngestSamples;

namespace Pulse.Silo.Tests.Ingest;

/// <summary>
/// Random bytes, JSON-ish token soups and mutated mentions: the parser never throws, accounts for every item (accepted
/// or with an error), accepts exactly the items an independent reading of the rules accepts, and every accepted
/// mention lies within the caps.
/// </summary>
public sealed class MentionParserProperties
{
    private static readonly MentionBatchParser Parser = new(new IngestOptions());

    private static readonly Gen<string> JsonSoup =
        Gen.OneOf("{", "}", "[", "]", ":", ",", "\"id\"", "\"text\"", "\"channel\"", "\"likes\"", "\"url\"", "\"x\"", "1", "-1",
                "9223372036854775807", "1e999", "null", "true", "\"\\u0000\"", "\"\\ud800\"", "\n", " ", "\"", "\\", "[[[[[[[[[[[[[[[[[[[[", "{\"a\":")
            .Array[0, 200].Select(string.Concat);

    // Pieces whose lengths in UTF-16 differ from their UTF-8 bytes, so caps are checked in the unit the rules use.
    private static Gen<string> Text(int maxPieces) => Gen.OneOf("a", "Z", "é", "😀", " ", "-", "_", ".", "/").Array[0, maxPieces].Select(string.Concat);

    private static readonly Gen<string?> Url = Gen.OneOf<string?>(
        null, "https://example.com/p/1", "http://example.com", "ftp://example.com", "javascript:alert(1)", "/relative", "", "example.com",
        "https://example.com/" + new string('p', MentionLimits.MaxUrlLength - 20), "https://example.com/" + new string('p', MentionLimits.MaxUrlLength));

    private static readonly Gen<long> Count = Gen.Frequency((6, Gen.Long[0, 1_000_000]), (1, Gen.OneOf(long.MaxValue, -1L, long.MinValue, 0L)));

    private static readonly Gen<Fields> Mentions =
        Gen.Select(
            Gen.Select(Text(600), Text(300), Text(200), Text(70)),
            Gen.Select(Text(30), Url, Gen.Select(Count, Count, Count, Count)),
            Gen.Int[-1, 11], Gen.Int[0, 10],
            (a, b, duplicate, rotation) => new Fields(a.Item1, b.Item1, a.Item2, a.Item3, b.Item2, a.Item4, b.Item3, duplicate, rotation));

    [Trait("Category", "Slow")]
    [Fact]
    public void Random_bytes_never_throw_and_every_line_is_accounted_for() =>
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            CheckJson(bytes);
            CheckNdJson(bytes);
        }, iter: 3_000);

    [Trait("Category", "Slow")]
    [Fact]
    public void Json_soups_never_throw_and_every_line_is_accounted_for() =>
        JsonSoup.Sample(soup =>
        {
            var bytes = Encoding.UTF8.GetBytes(soup);
            CheckJson(bytes);
            CheckNdJson(bytes);
        }, iter: 3_000);

    [Trait("Category", "Slow")]
    [Fact]
    public void Mutated_mentions_are_accepted_exactly_when_the_rules_allow_them() =>
        Mentions.Array[1, 20].Sample(items =>
        {
            var body = string.Join('\n', items.Select(Render));
            var result = CheckNdJson(Encoding.UTF8.GetBytes(body));

            var expected = items.Select((m, i) => (Line: i + 1, m)).Where(x => x.m.Valid).Select(x => x.m.Id).ToArray();
            Assert.Equal(expected, result.Accepted.Select(m => m.Id));
            Assert.Equal(items.Length - expected.Length, result.RejectedCount);
        }, iter: 500);

    private static MentionParseResult CheckJson(byte[] body)
    {
        var result = Within.Run(() => Parser.Parse(body, MentionBodyFormat.Json, Now), Convert.ToBase64String(body));
        if (result.Failure != MentionBatchFailure.None)
        {
            Assert.Empty(result.Accepted);
            Assert.Single(result.Errors);
        }

        CheckAccepted(result);
        return result;
    }

    private static MentionParseResult CheckNdJson(byte[] body)
    {
        var result = Within.Run(() => Parser.Parse(body, MentionBodyFormat.NdJson, Now), Convert.ToBase64String(body));
        CheckAccepted(result);
        Assert.Equal(MentionBatchFailure.None, result.Failure);

        // Every non-blank line is one item: accepted, or rejected with at least one error on its line.
        var lines = Encoding.UTF8.GetString(body.AsSpan().StartsWith("\uFEFF"u8) ? body[3..] : body).Split('\n');
        var items = lines.Count(l => l.Trim(' ', '\t', '\r').Length > 0);
        Assert.Equal(items, result.Accepted.Count + result.RejectedCount);
        Assert.Equal(result.RejectedCount, result.Errors.Select(e => e.Line).Distinct().Count());
        return result;
    }

    private static void CheckAccepted(MentionParseResult result)
    {
        Assert.True(result.RejectedCount <= result.Errors.Count);
        foreach (var m in result.Accepted)
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Id));
            Assert.InRange(m.Id.Length, 1, MentionLimits.MaxIdLength);
            Assert.InRange(m.Text.Length, 1, new IngestOptions().MaxTextLength);
            Assert.True(m.Author is null || m.Author.Length <= MentionLimits.MaxAuthorLength);
            Assert.True(m.Lang is null || m.Lang.Length <= MentionLimits.MaxLangLength);
            Assert.True(m.Brand is null || m.Brand.Length <= BrandValidator.MaxIdLength);
            Assert.True(m.Url is null || MentionLimits.IsHttpUrl(m.Url));
            Assert.True(m.Likes >= 0 && m.Shares >= 0 && m.Comments >= 0 && m.Reach >= 0);
        }
    }

    /// <summary>One mention object on one line; <see cref="Fields.Duplicate"/> names a field (by index) written twice.</summary>
    private static string Render(Fields m)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            for (int round = 0; round < 2; round++)
            {
                for (int f = 0; f < 11; f++)
                {
                    int field = (f + m.Rotation) % 11;
                    if (round == 0 || field == m.Duplicate)
                    {
                        Write(writer, m, field);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, Fields m, int field)
    {
        switch (field)
        {
            case 0: writer.WriteString("id", m.Id); break;
            case 1: writer.WriteString("channel", "x"); break;
            case 2: writer.WriteString("text", m.Text); break;
            case 3: if (m.Author is not null) writer.WriteString("author", m.Author); break;
            case 4: writer.WriteString("lang", m.Lang); break;
            case 5: writer.WriteString("brand", m.Brand); break;
            case 6: if (m.Url is not null) writer.WriteString("url", m.Url); else writer.WriteNull("url"); break;
            case 7: writer.WriteNumber("likes", m.Counts.Item1); break;
            case 8: writer.WriteNumber("shares", m.Counts.Item2); break;
            case 9: writer.WriteNumber("comments", m.Counts.Item3); break;
            default: writer.WriteNumber("reach", m.Counts.Item4); break;
        }
    }

    /// <param name="Duplicate">Index of the field written twice (see <see cref="Write"/>), or outside 0..10 for none.</param>
    private sealed record Fields(
        string Id, string Lang, string Text, string? Author, string? Url, string Brand, (long, long, long, long) Counts, int Duplicate, int Rotation)
    {
        // The rules, read independently of the parser: what makes a generated mention acceptable.
        public bool Valid =>
            Duplicate is < 0 or > 10
            && !string.IsNullOrWhiteSpace(Id) && Id.Length <= MentionLimits.MaxIdLength
            && !string.IsNullOrWhiteSpace(Text) && Text.Length <= new IngestOptions().MaxTextLength
            && (Author is null || Author.Length <= MentionLimits.MaxAuthorLength)
            && Lang.Length <= MentionLimits.MaxLangLength
            && Brand.Length <= BrandValidator.MaxIdLength
            && (Url is null || MentionLimits.IsHttpUrl(Url))
            && Counts.Item1 >= 0 && Counts.Item2 >= 0 && Counts.Item3 >= 0 && Counts.Item4 >= 0;
    }
}
