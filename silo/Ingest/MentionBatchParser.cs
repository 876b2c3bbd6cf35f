using System.Globalization;
using System.Text.Json;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Ingest;

/// <summary>
/// Turns a request body into validated mentions and per-item errors. Pure (no I/O, clock passed in)
/// and streaming over <see cref="Utf8JsonReader"/>: no DOM is built for a batch.
/// </summary>
public sealed class MentionBatchParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> LineWhitespace => " \t\r"u8;

    private readonly MentionObjectReader _items;
    private readonly int _maxBatchItems;

    public MentionBatchParser(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxBatchItems = options.MaxBatchItems;
        _items = new MentionObjectReader(new KnownChannels(options.Channels), options.MaxTextLength, options.MaxFutureSkew);
    }

    /// <param name="body">The whole request body, UTF-8.</param>
    /// <param name="format">Framing, from the request's content type.</param>
    /// <param name="now">Server time: default timestamp and reference for the future-skew check.</param>
    public MentionParseResult Parse(ReadOnlySpan<byte> body, MentionBodyFormat format, DateTimeOffset now)
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        return format switch
        {
            MentionBodyFormat.Json => ParseJson(body, now),
            MentionBodyFormat.NdJson => ParseNdJson(body, now),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown body format."),
        };
    }

    private MentionParseResult ParseJson(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var accepted = new List<Mention>();
        var errors = new List<IngestError>();
        int rejected = 0;
        int line = 0; // the item being read, for locating a syntax error
        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    line = 1;
                    rejected += ReadItem(ref reader, line, now, accepted, errors);
                    break;
                case JsonTokenType.StartArray:
                    while (true)
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            break;
                        }

                        if (++line > _maxBatchItems)
                        {
                            return TooManyItems(line);
                        }

                        rejected += ReadItem(ref reader, line, now, accepted, errors);
                    }

                    line = 0;
                    break;
                default:
                    return Malformed(0, $"The body must be a JSON object or an array of objects, not {MentionObjectReader.Describe(reader.TokenType)}.");
            }

            reader.Read(); // throws on anything but whitespace after the root value
        }
        catch (JsonException ex)
        {
            // A broken document has no trustworthy items: none of it is ingested.
            return Malformed(line, ex.Message);
        }

        return new MentionParseResult(accepted, errors, rejected, MentionBatchFailure.None);
    }

    private MentionParseResult ParseNdJson(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        // Newlines bound the item count from above; a cheap vectorised count saves list regrowth.
        var accepted = new List<Mention>(Math.Min(body.Count((byte)'\n') + 1, _maxBatchItems));
        var errors = new List<IngestError>();
        int rejected = 0, items = 0, lineNumber = 0;
        var rest = body;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            int newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline < 0)
            {
                line = rest;
                rest = default;
            }
            else
            {
                line = rest[..newline];
                rest = rest[(newline + 1)..];
            }

            line = line.Trim(LineWhitespace);
            if (line.IsEmpty)
            {
                continue;
            }

            if (++items > _maxBatchItems)
            {
                return TooManyItems(lineNumber);
            }

            int firstError = errors.Count, firstAccepted = accepted.Count;
            var reader = new Utf8JsonReader(line);
            try
            {
                reader.Read();
                int itemRejected = ReadItem(ref reader, lineNumber, now, accepted, errors);
                reader.Read(); // throws on a second value or trailing garbage on the line
                rejected += itemRejected;
            }
            catch (JsonException ex)
            {
                // Only this line is lost: whatever it yielded before the syntax error is dropped.
                errors.RemoveRange(firstError, errors.Count - firstError);
                accepted.RemoveRange(firstAccepted, accepted.Count - firstAccepted);
                errors.Add(new IngestError(lineNumber, null, null, ex.Message));
                rejected++;
            }
        }

        return new MentionParseResult(accepted, errors, rejected, MentionBatchFailure.None);
    }

    /// <summary>Reads the value the reader stands on as one item.</summary>
    /// <returns>1 when the item was rejected, else 0.</returns>
    private int ReadItem(ref Utf8JsonReader reader, int line, DateTimeOffset now, List<Mention> accepted, List<IngestError> errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new IngestError(line, null, null, $"Each mention must be a JSON object, not {MentionObjectReader.Describe(reader.TokenType)}."));
            reader.Skip();
            return 1;
        }

        var mention = _items.Read(ref reader, line, now, errors);
        if (mention is null)
        {
            return 1;
        }

        accepted.Add(mention);
        return 0;
    }

    private MentionParseResult TooManyItems(int line) => Rejected(
        MentionBatchFailure.TooManyItems,
        new IngestError(line, null, null, string.Create(CultureInfo.InvariantCulture,
            $"The batch has more than {_maxBatchItems} items; the limit is {_maxBatchItems} per request.")));

    private static MentionParseResult Malformed(int line, string message) =>
        Rejected(MentionBatchFailure.MalformedBody, new IngestError(line, null, null, message));

    private static MentionParseResult Rejected(MentionBatchFailure failure, IngestError error) =>
        new([], [error], 0, failure);
}
