using System.Globalization;
using System.Text.Json;
using Pulse.Grains.Mentions;
using Pulse.Silo.Brands;

namespace Pulse.Silo.Ingest;

/// <summary>
/// Reads and validates one mention object straight from a <see cref="Utf8JsonReader"/>, without
/// building a DOM. Field errors are appended to a shared list; JSON syntax errors propagate as
/// <see cref="JsonException"/> so the caller can decide what a malformed item costs. Short fields are capped by
/// <see cref="MentionLimits"/> (the brand tag by the brand id's length), and a known field given twice rejects the item:
/// which of the two values counts would otherwise depend on the reader.
/// </summary>
internal sealed class MentionObjectReader(KnownChannels channels, int maxTextLength, TimeSpan maxFutureSkew)
{
    // Raw (still escaped) UTF-8 length bound under which a channel name is decoded on the stack;
    // decoded UTF-16 length never exceeds the raw UTF-8 length.
    private const int StackChannelBytes = 64;

    // Echoing a rejected value helps the sender, but not at unbounded length.
    private const int MaxEchoedChars = 40;

    /// <summary>Reads the object the reader stands on (StartObject) up to its EndObject.</summary>
    /// <returns>The mention, or null when at least one error was added for this item.</returns>
    public Mention? Read(ref Utf8JsonReader reader, int line, DateTimeOffset now, List<IngestError> errors)
    {
        int firstError = errors.Count;
        string? id = null, channel = null, text = null, author = null, lang = null, url = null, brand = null, engagementOf = null;
        DateTimeOffset? timestamp = null;
        long likes = 0, shares = 0, comments = 0, reach = 0;
        uint seen = 0;

        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var field = Identify(ref reader);
            reader.Read();
            if (field != Field.Unknown && !FirstTime(ref seen, field))
            {
                var name = NameOf(field);
                errors.Add(new IngestError(line, null, name, $"'{name}' appears more than once in the object; give each field once."));
                reader.Skip();
                continue;
            }

            switch (field)
            {
                case Field.Id: id = ReadString(ref reader, "id", line, errors); break;
                case Field.Channel: channel = ReadChannel(ref reader, line, errors); break;
                case Field.Text: text = ReadString(ref reader, "text", line, errors); break;
                case Field.Timestamp: timestamp = ReadTimestamp(ref reader, line, errors); break;
                case Field.Author: author = ReadString(ref reader, "author", line, errors); break;
                case Field.Lang: lang = ReadString(ref reader, "lang", line, errors); break;
                case Field.Url: url = ReadString(ref reader, "url", line, errors); break;
                case Field.Brand: brand = ReadString(ref reader, "brand", line, errors); break;
                case Field.EngagementOf: engagementOf = ReadString(ref reader, "engagementOf", line, errors); break;
                case Field.Likes: likes = ReadCount(ref reader, "likes", line, errors); break;
                case Field.Shares: shares = ReadCount(ref reader, "shares", line, errors); break;
                case Field.Comments: comments = ReadCount(ref reader, "comments", line, errors); break;
                case Field.Reach: reach = ReadCount(ref reader, "reach", line, errors); break;
                default: reader.Skip(); break; // unknown fields are ignored, so their repeats are harmless and not tracked
            }
        }

        if (id is null)
        {
            RequireReported("id", line, firstError, errors);
        }
        else if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new IngestError(line, null, "id", "'id' must not be blank."));
        }
        else
        {
            CheckLength(id, "id", MentionLimits.MaxIdLength, line, errors);
        }

        if (channel is null)
        {
            RequireReported("channel", line, firstError, errors);
        }

        if (text is null)
        {
            RequireReported("text", line, firstError, errors);
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new IngestError(line, null, "text", "'text' must not be blank."));
        }
        else
        {
            CheckLength(text, "text", maxTextLength, line, errors);
        }

        CheckLength(author, "author", MentionLimits.MaxAuthorLength, line, errors);
        CheckLength(lang, "lang", MentionLimits.MaxLangLength, line, errors);
        CheckLength(brand, "brand", BrandValidator.MaxIdLength, line, errors);
        if (url is not null && CheckLength(url, "url", MentionLimits.MaxUrlLength, line, errors) && !MentionLimits.IsHttpUrl(url))
        {
            errors.Add(new IngestError(line, null, "url", "'url' must be an absolute http or https URL."));
        }

        if (engagementOf is not null && string.IsNullOrWhiteSpace(engagementOf))
        {
            errors.Add(new IngestError(line, null, "engagementOf", "'engagementOf' must not be blank."));
        }
        else
        {
            CheckLength(engagementOf, "engagementOf", MentionLimits.MaxIdLength, line, errors); // it names a post id
        }

        var at = timestamp ?? now;
        if (at > now + maxFutureSkew)
        {
            errors.Add(new IngestError(line, null, "timestamp", string.Create(CultureInfo.InvariantCulture,
                $"'timestamp' {at:O} is more than {maxFutureSkew} in the future (server time {now:O}).")));
        }

        if (errors.Count > firstError)
        {
            // The id may follow the faulty field in the object, so it is attached once known.
            for (int i = firstError; i < errors.Count; i++)
            {
                errors[i] = errors[i] with { Id = id };
            }

            return null;
        }

        return new Mention(id!, channel!, text!, at, author, lang, url, likes, shares, comments, reach, brand, engagementOf);
    }

    private static Field Identify(ref Utf8JsonReader reader)
    {
        try
        {
            return IdentifyName(ref reader);
        }
        catch (InvalidOperationException)
        {
            // An escaped name that is not valid UTF-16 ("\ud800") names no field we know: ignored like any unknown field.
            return Field.Unknown;
        }
    }

    private static Field IdentifyName(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8)) return Field.Id;
        if (reader.ValueTextEquals("channel"u8)) return Field.Channel;
        if (reader.ValueTextEquals("text"u8)) return Field.Text;
        if (reader.ValueTextEquals("timestamp"u8)) return Field.Timestamp;
        if (reader.ValueTextEquals("author"u8)) return Field.Author;
        if (reader.ValueTextEquals("lang"u8)) return Field.Lang;
        if (reader.ValueTextEquals("url"u8)) return Field.Url;
        if (reader.ValueTextEquals("likes"u8)) return Field.Likes;
        if (reader.ValueTextEquals("shares"u8)) return Field.Shares;
        if (reader.ValueTextEquals("comments"u8)) return Field.Comments;
        if (reader.ValueTextEquals("reach"u8)) return Field.Reach;
        if (reader.ValueTextEquals("brand"u8)) return Field.Brand;
        if (reader.ValueTextEquals("engagementOf"u8)) return Field.EngagementOf;
        return Field.Unknown;
    }

    /// <returns>Whether <paramref name="value"/> is null or within <paramref name="max"/>; else an error was added.</returns>
    private static bool CheckLength(string? value, string field, int max, int line, List<IngestError> errors)
    {
        if (value is null || value.Length <= max)
        {
            return true;
        }

        errors.Add(new IngestError(line, null, field, string.Create(CultureInfo.InvariantCulture,
            $"'{field}' is {value.Length} characters long; the limit is {max}.")));
        return false;
    }

    private static bool FirstTime(ref uint seen, Field field)
    {
        uint bit = 1u << (int)field;
        bool first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }

    private static string NameOf(Field field) => field switch
    {
        Field.Id => "id",
        Field.Channel => "channel",
        Field.Text => "text",
        Field.Timestamp => "timestamp",
        Field.Author => "author",
        Field.Lang => "lang",
        Field.Url => "url",
        Field.Likes => "likes",
        Field.Shares => "shares",
        Field.Comments => "comments",
        Field.Reach => "reach",
        Field.Brand => "brand",
        Field.EngagementOf => "engagementOf",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown fields have no name here."),
    };

    /// <summary>Reports a missing required field unless it already has an error (wrong type, bad text).</summary>
    private static void RequireReported(string field, int line, int firstError, List<IngestError> errors)
    {
        for (int i = firstError; i < errors.Count; i++)
        {
            if (errors[i].Field == field)
            {
                return;
            }
        }

        errors.Add(new IngestError(line, null, field, $"'{field}' is required."));
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, int line, List<IngestError> errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                if (TryGetString(ref reader, out var value))
                {
                    return value;
                }

                errors.Add(new IngestError(line, null, field, $"'{field}' is not valid Unicode text."));
                return null;
            default:
                errors.Add(new IngestError(line, null, field, $"'{field}' must be a string, got {Describe(reader.TokenType)}."));
                reader.Skip();
                return null;
        }
    }

    private string? ReadChannel(ref Utf8JsonReader reader, int line, List<IngestError> errors)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return ReadString(ref reader, "channel", line, errors); // null, or a wrong-type error
        }

        try
        {
            if (reader.ValueSpan.Length <= StackChannelBytes)
            {
                Span<char> name = stackalloc char[StackChannelBytes];
                int length = reader.CopyString(name);
                if (channels.TryNormalize(name[..length], out var known))
                {
                    return known;
                }
            }
            else if (channels.TryNormalize(reader.GetString(), out var known))
            {
                return known;
            }

            var given = reader.GetString()!;
            var echoed = given.Length > MaxEchoedChars ? string.Concat(given.AsSpan(0, MaxEchoedChars), "…") : given;
            errors.Add(new IngestError(line, null, "channel", $"Unknown channel '{echoed}'; expected one of: {channels.Listing}."));
        }
        catch (InvalidOperationException)
        {
            errors.Add(new IngestError(line, null, "channel", "'channel' is not valid Unicode text."));
        }

        return null;
    }

    private static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, int line, List<IngestError> errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var value))
                {
                    // Without an offset the reader would assume the server's zone; UTC is the only
                    // reading that does not depend on where the silo runs.
                    if (!HasOffset(ref reader))
                    {
                        value = new DateTimeOffset(value.DateTime, TimeSpan.Zero);
                    }

                    return value;
                }

                errors.Add(new IngestError(line, null, "timestamp", "'timestamp' must be an ISO 8601 date-time, e.g. 2025-01-31T12:00:00Z."));
                return null;
            default:
                errors.Add(new IngestError(line, null, "timestamp", $"'timestamp' must be an ISO 8601 date-time string, got {Describe(reader.TokenType)}."));
                reader.Skip();
                return null;
        }
    }

    /// <summary>Whether the timestamp string the reader stands on carries a 'Z' or ±hh[:mm] offset.</summary>
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            // Rare: let the reader unescape and report the kind (Unspecified = no offset).
            return reader.TryGetDateTime(out var parsed) && parsed.Kind != DateTimeKind.Unspecified;
        }

        var raw = reader.ValueSpan;
        if (raw[^1] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        // The date part has '-' separators; an offset sign can only follow the time designator.
        int time = raw.IndexOfAny((byte)'T', (byte)'t');
        return time >= 0 && raw[(time + 1)..].IndexOfAny((byte)'+', (byte)'-') >= 0;
    }

    private static long ReadCount(ref Utf8JsonReader reader, string field, int line, List<IngestError> errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number when reader.TryGetInt64(out var value):
                if (value >= 0)
                {
                    return value;
                }

                errors.Add(new IngestError(line, null, field, $"'{field}' must not be negative."));
                return 0;
            case JsonTokenType.Number:
                errors.Add(new IngestError(line, null, field, $"'{field}' must be a non-negative 64-bit integer."));
                return 0;
            default:
                errors.Add(new IngestError(line, null, field, $"'{field}' must be a non-negative integer, got {Describe(reader.TokenType)}."));
                reader.Skip();
                return 0;
        }
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string? value)
    {
        try
        {
            value = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 bytes or lone surrogate escapes: a fault of this field, not of the JSON framing.
            value = null;
            return false;
        }
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private enum Field
    {
        Unknown,
        Id,
        Channel,
        Text,
        Timestamp,
        Author,
        Lang,
        Url,
        Likes,
        Shares,
        Comments,
        Reach,
        Brand,
        EngagementOf,
    }
}
