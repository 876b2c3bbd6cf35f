using System.Globalization;
using System.Text.Json;
using Pulse.Grains.Mentions;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// Reads one v1-wire Jetstream frame with <see cref="Utf8JsonReader"/> straight from the receive buffer: only a new
/// post's fields and the post a like, repost, reply or quote points at become strings, everything else is compared as
/// UTF-8 or skipped, because the firehose is hundreds of events a second per source. Field order is not relied on (JSON
/// objects are unordered).
/// </summary>
internal static class JetstreamFrameParser
{
    public const string PostCollection = "app.bsky.feed.post";
    public const string LikeCollection = "app.bsky.feed.like";
    public const string RepostCollection = "app.bsky.feed.repost";

    private static ReadOnlySpan<byte> PostCollectionUtf8 => "app.bsky.feed.post"u8;

    private enum RecordCollection
    {
        Unknown,
        Post,
        Like,
        Repost,
        Other,
    }

    private enum EmbedType
    {
        Other,
        Record,
        RecordWithMedia,
    }

    private enum Operation
    {
        None,
        Create,
        Update,
        Delete,
        Other,
    }

    /// <summary>
    /// False when the frame is not a usable event (bad JSON, missing <c>did</c> or <c>time_us</c>, a post with an
    /// invalid DID or record key): the caller counts it as skipped.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, string channel, out JetstreamEvent parsed)
    {
        parsed = default;
        try
        {
            return TryParseCore(frame, channel, out parsed);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a value of the wrong JSON type (e.g. "time_us": "x")
        }
    }

    private static bool TryParseCore(ReadOnlySpan<byte> frame, string channel, out JetstreamEvent parsed)
    {
        parsed = default;
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? did = null, kind = null;
        long timeUs = 0;
        long? seq = null;
        var commit = default(Commit);
        var hasCommit = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("did"u8))
            {
                reader.Read();
                did = reader.GetString();
            }
            else if (reader.ValueTextEquals("time_us"u8))
            {
                reader.Read();
                timeUs = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("cursor"u8))
            {
                // Jetstream v2's sequence on the v1 wire; v1 servers never send it.
                reader.Read();
                seq = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                kind = reader.ValueTextEquals("commit"u8) ? "commit"
                    : reader.ValueTextEquals("identity"u8) ? "identity"
                    : reader.ValueTextEquals("account"u8) ? "account"
                    : reader.GetString();
            }
            else if (reader.ValueTextEquals("commit"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                commit = ReadCommit(ref reader);
                hasCommit = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false; // truncated, or something after the object
        }

        if (did is null || kind is null || !IsPlausibleTime(timeUs))
        {
            return false;
        }

        if (kind != "commit")
        {
            // Identity and account events: counted, never mentions. Their key has the time, the best identity they have.
            parsed = new JetstreamEvent(timeUs, seq, string.Create(CultureInfo.InvariantCulture, $"{did}#{kind}@{timeUs}"), null);
            return true;
        }

        if (!hasCommit || commit.Rkey is null || commit.Operation == Operation.None)
        {
            return false;
        }

        if (commit.Kind is RecordCollection.Like or RecordCollection.Repost && commit.Operation == Operation.Create)
        {
            // A like or repost without the post it points at, or with an id we cannot build, is malformed.
            if (commit.Subject is null || !AtIdentifiers.IsDid(did) || !AtIdentifiers.IsRecordKey(commit.Rkey))
            {
                return false;
            }

            var like = commit.Kind == RecordCollection.Like;
            var engagementId = $"at://{did}/{(like ? LikeCollection : RepostCollection)}/{commit.Rkey}";
            parsed = new JetstreamEvent(timeUs, seq, engagementId, null,
                [new PostEngagement(engagementId, commit.Subject, like ? EngagementKind.Like : EngagementKind.Repost)]);
            return true;
        }

        if (commit.IsPost && commit.Operation == Operation.Create)
        {
            if (!AtIdentifiers.IsDid(did) || !AtIdentifiers.IsRecordKey(commit.Rkey))
            {
                return false; // the id and URL are built from these: nothing unvalidated goes into them
            }

            var id = $"at://{did}/{PostCollection}/{commit.Rkey}";
            if (id.Length > MentionLimits.MaxIdLength || did.Length > MentionLimits.MaxAuthorLength)
            {
                return false; // valid AT identifiers, but longer than ingest takes (real DIDs are 32 characters)
            }

            var mention = new Mention(
                Id: id,
                Channel: channel,
                Text: commit.Text ?? string.Empty,
                Timestamp: DateTimeOffset.UnixEpoch.AddTicks(timeUs * TimeSpan.TicksPerMicrosecond),
                Author: did,
                Lang: commit.Lang,
                Url: $"https://bsky.app/profile/{did}/post/{commit.Rkey}");
            parsed = new JetstreamEvent(timeUs, seq, id, mention, Engagements(id, commit));
            return true;
        }

        // Deletes, updates and other collections: counted, no mention. The rev makes the key unique per change.
        var collection = commit.IsPost ? PostCollection : commit.Collection ?? string.Empty;
        var key = $"at://{did}/{collection}/{commit.Rkey}#{commit.Operation}@{commit.Rev}";
        parsed = new JetstreamEvent(timeUs, seq, key, null);
        return true;
    }

    /// <summary>A reply's comment on its parent and a quote's share of the quoted post; null for a plain post.</summary>
    private static PostEngagement[]? Engagements(string postId, in Commit commit) => (commit.ReplyParent, commit.Quoted) switch
    {
        (null, null) => null,
        ({ } parent, null) => [new PostEngagement(postId + "#reply", parent, EngagementKind.Reply)],
        (null, { } quoted) => [new PostEngagement(postId + "#quote", quoted, EngagementKind.Quote)],
        ({ } parent, { } quoted) =>
        [
            new PostEngagement(postId + "#reply", parent, EngagementKind.Reply),
            new PostEngagement(postId + "#quote", quoted, EngagementKind.Quote),
        ],
    };

    // Jetstream keeps 36 h; anything before 2020 or past 2200 is a broken field, not a time.
    private static bool IsPlausibleTime(long timeUs) => timeUs is > 1_577_836_800_000_000 and < 7_258_118_400_000_000;

    private static Commit ReadCommit(ref Utf8JsonReader reader)
    {
        var commit = default(Commit);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("operation"u8))
            {
                reader.Read();
                commit.Operation = reader.ValueTextEquals("create"u8) ? Operation.Create
                    : reader.ValueTextEquals("delete"u8) ? Operation.Delete
                    : reader.ValueTextEquals("update"u8) ? Operation.Update
                    : Operation.Other;
            }
            else if (reader.ValueTextEquals("collection"u8))
            {
                reader.Read();
                commit.Kind = reader.ValueTextEquals(PostCollectionUtf8) ? RecordCollection.Post
                    : reader.ValueTextEquals("app.bsky.feed.like"u8) ? RecordCollection.Like
                    : reader.ValueTextEquals("app.bsky.feed.repost"u8) ? RecordCollection.Repost
                    : RecordCollection.Other;
                commit.Collection = commit.Kind switch
                {
                    RecordCollection.Post => PostCollection,
                    RecordCollection.Like => LikeCollection,
                    RecordCollection.Repost => RepostCollection,
                    _ => reader.GetString(),
                };
            }
            else if (reader.ValueTextEquals("rkey"u8))
            {
                reader.Read();
                commit.Rkey = reader.GetString();
            }
            else if (reader.ValueTextEquals("rev"u8))
            {
                reader.Read();
                commit.Rev = reader.GetString();
            }
            else if (reader.ValueTextEquals("record"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && commit.Kind != RecordCollection.Other)
                {
                    ReadRecord(ref reader, ref commit);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("commit is not an object of properties");
        }

        return commit;
    }

    private static void ReadRecord(ref Utf8JsonReader reader, ref Commit commit)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                commit.Text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("langs"u8))
            {
                reader.Read();
                commit.Lang = ReadFirstLang(ref reader);
            }
            else if (reader.ValueTextEquals("subject"u8))
            {
                reader.Read();
                commit.Subject = ReadUri(ref reader); // a like's or repost's post
            }
            else if (reader.ValueTextEquals("reply"u8))
            {
                reader.Read();
                commit.ReplyParent = ReadReplyParent(ref reader);
            }
            else if (reader.ValueTextEquals("embed"u8))
            {
                reader.Read();
                commit.Quoted = ReadQuoted(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>The <c>uri</c> of a strong ref (<c>{"cid": …, "uri": …}</c>); null when it is not an object or has none.</summary>
    private static string? ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? uri = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isUri = reader.ValueTextEquals("uri"u8);
            reader.Read();
            if (isUri && reader.TokenType == JsonTokenType.String)
            {
                uri = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return uri;
    }

    /// <summary><c>reply.parent.uri</c>: the post a reply answers (<c>root</c> is the thread's start, not engaged with).</summary>
    private static string? ReadReplyParent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? parent = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isParent = reader.ValueTextEquals("parent"u8);
            reader.Read();
            if (isParent)
            {
                parent = ReadUri(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return parent;
    }

    /// <summary>
    /// The post a quote embeds: <c>embed.record.uri</c> for <c>app.bsky.embed.record</c>, <c>embed.record.record.uri</c>
    /// for <c>app.bsky.embed.recordWithMedia</c>; null for any other embed (images, links). <c>$type</c> may come after
    /// <c>record</c>, so both shapes are read and the type picks one at the end.
    /// </summary>
    private static string? ReadQuoted(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var type = EmbedType.Other;
        string? direct = null, nested = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("$type"u8))
            {
                reader.Read();
                type = reader.TokenType != JsonTokenType.String ? EmbedType.Other
                    : reader.ValueTextEquals("app.bsky.embed.record"u8) ? EmbedType.Record
                    : reader.ValueTextEquals("app.bsky.embed.recordWithMedia"u8) ? EmbedType.RecordWithMedia
                    : EmbedType.Other;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("record"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueTextEquals("uri"u8) ? 1 : reader.ValueTextEquals("record"u8) ? 2 : 0;
                    reader.Read();
                    if (field == 1 && reader.TokenType == JsonTokenType.String)
                    {
                        direct = reader.GetString();
                    }
                    else if (field == 2)
                    {
                        nested = ReadUri(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return type switch
        {
            EmbedType.Record => direct,
            EmbedType.RecordWithMedia => nested,
            _ => null,
        };
    }

    /// <summary>The first of <c>langs</c> when it looks like a BCP-47 tag; author-declared, so only a hint.</summary>
    private static string? ReadFirstLang(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? first = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first is null && reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length is > 0 and <= MentionLimits.MaxLangLength)
            {
                first = Languages.Intern(reader.ValueSpan) ?? reader.GetString();
            }

            reader.Skip();
        }

        return first;
    }

    private struct Commit
    {
        public Operation Operation;
        public RecordCollection Kind;
        public string? Subject;
        public string? ReplyParent;
        public string? Quoted;
        public string? Collection;
        public string? Rkey;
        public string? Rev;
        public string? Text;
        public string? Lang;

        public readonly bool IsPost => Kind == RecordCollection.Post;
    }
}
