using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pulse.Grains.Mentions;
using Pulse.Silo.Cluster;
using Pulse.Silo.Ingest;
using Pulse.Streaming.Redis;
using StackExchange.Redis;

namespace Pulse.Silo.Ingest.Redis;

/// <summary>
/// An ingest log entry is one field, <c>mentions</c>: one mention object or an array of them, exactly the body of
/// <c>POST /api/mentions</c>. Decoding goes through the same <see cref="MentionBatchParser"/> as HTTP, so an external
/// XADD is validated like a request: valid items are delivered, the entry goes to the dead letters for the others.
/// </summary>
internal sealed class MentionStreamCodec(MentionBatchParser parser, TimeProvider time) : IRedisStreamCodec
{
    public const string Field = "mentions";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Entries are data in Redis, never embedded in HTML: escaping only what JSON requires keeps them small and fast.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public NameValueEntry[] Encode<T>(IEnumerable<T> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var e in events)
            {
                var batch = e as MentionBatch ?? throw new ArgumentException($"The ingest log carries {nameof(MentionBatch)} events, not {e?.GetType().Name}.", nameof(events));
                foreach (var mention in batch.Mentions)
                {
                    Write(writer, mention);
                }
            }

            writer.WriteEndArray();
        }

        return [new NameValueEntry(Field, buffer.WrittenSpan.ToArray())];
    }

    public RedisStreamDecoded Decode(NameValueEntry[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            if (field.Name == Field)
            {
                return Decode((ReadOnlyMemory<byte>)field.Value);
            }
        }

        return RedisStreamDecoded.Failed($"The entry has no '{Field}' field.");
    }

    private RedisStreamDecoded Decode(ReadOnlyMemory<byte> json)
    {
        var result = parser.Parse(json.Span, MentionBodyFormat.Json, time.GetUtcNow());
        var error = result.Errors.Count == 0 ? null : Describe(result.Errors);
        return result.Accepted.Count == 0
            ? RedisStreamDecoded.Failed(error ?? "The entry holds no mentions.")
            : new RedisStreamDecoded([new MentionBatch([.. result.Accepted])], error);
    }

    /// <summary>All mentions of the entries read in one poll as one batch: one partition-grain turn and one call per
    /// (brand, channel) group for the lot, instead of per entry.</summary>
    public bool Combines => true;

    public object? Combine(IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = 0;
        foreach (var e in events)
        {
            if (e is not MentionBatch batch)
            {
                return null;
            }

            total += batch.Mentions.Length;
        }

        var mentions = new Mention[total];
        var at = 0;
        foreach (MentionBatch batch in events)
        {
            batch.Mentions.CopyTo(mentions, at);
            at += batch.Mentions.Length;
        }

        return new MentionBatch(mentions);
    }

    private static string Describe(IReadOnlyList<IngestError> errors)
    {
        var text = new StringBuilder();
        foreach (var error in errors)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(CultureInfo.InvariantCulture, $"item {error.Line}");
            if (error.Id is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" (id {error.Id})");
            }

            text.Append(": ").Append(error.Message);
        }

        return text.ToString();
    }

    private static void Write(Utf8JsonWriter writer, Mention mention)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, mention.Id);
        writer.WriteString("channel"u8, mention.Channel);
        writer.WriteString("text"u8, mention.Text);
        // ISO 8601 with the offset and every tick: parses back to the same instant and offset.
        writer.WriteString("timestamp"u8, mention.Timestamp);
        WriteOptional(writer, "author"u8, mention.Author);
        WriteOptional(writer, "lang"u8, mention.Lang);
        WriteOptional(writer, "url"u8, mention.Url);
        WriteOptional(writer, "brand"u8, mention.Brand);
        WriteOptional(writer, "engagementOf"u8, mention.EngagementOf); // a source's engagement event (see Mention)
        WriteCount(writer, "likes"u8, mention.Likes);
        WriteCount(writer, "shares"u8, mention.Shares);
        WriteCount(writer, "comments"u8, mention.Comments);
        WriteCount(writer, "reach"u8, mention.Reach);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteCount(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }
}
