using Pulse.Silo.Ingest;
using static Pulse.Silo.Tests.Ingest.IngestSamples;

namespace Pulse.Silo.Tests.Ingest;

/// <summary>What makes one mention valid, and how each fault is reported.</summary>
public sealed class MentionFieldValidationTests
{
    [Theory]
    [InlineData("""{"channel":"x","text":"t"}""", "id")]
    [InlineData("""{"id":"m1","text":"t"}""", "channel")]
    [InlineData("""{"id":"m1","channel":"x"}""", "text")]
    [InlineData("""{"id":null,"channel":"x","text":"t"}""", "id")]
    public void Missing_required_field_is_named(string body, string field)
    {
        var result = ParseJson(body);

        Assert.Empty(result.Accepted);
        var error = SingleError(result);
        Assert.Equal(field, error.Field);
        Assert.Equal($"'{field}' is required.", error.Message);
    }

    [Fact]
    public void Every_missing_required_field_is_reported()
    {
        var result = ParseJson("{}");

        Assert.Equal(["id", "channel", "text"], result.Errors.Select(e => e.Field));
        Assert.Equal(1, result.RejectedCount);
    }

    [Theory]
    [InlineData("\"likes\":\"many\"", "likes", "a string")]
    [InlineData("\"reach\":true", "reach", "a boolean")]
    [InlineData("\"author\":42", "author", "a number")]
    [InlineData("\"lang\":[\"en\"]", "lang", "an array")]
    [InlineData("\"timestamp\":1741953600", "timestamp", "a number")]
    [InlineData("\"brand\":{\"name\":\"acme\"}", "brand", "an object")]
    public void Wrong_typed_field_is_named_with_the_type_received(string member, string field, string received)
    {
        var result = ParseJson(Item("m1", member));

        Assert.Empty(result.Accepted);
        var error = SingleError(result);
        Assert.Equal(field, error.Field);
        Assert.Equal("m1", error.Id);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"got {received}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_typed_required_field_is_reported_once_not_also_as_missing()
    {
        var error = SingleError(ParseJson("""{"id":7,"channel":"x","text":"t"}"""));

        Assert.Equal("id", error.Field);
        Assert.Equal("'id' must be a string, got a number.", error.Message);
    }

    [Fact]
    public void Error_carries_the_id_even_when_the_id_comes_after_the_faulty_field()
    {
        var error = SingleError(ParseJson("""{"likes":-1,"channel":"x","text":"t","id":"late"}"""));

        Assert.Equal("late", error.Id);
    }

    [Theory]
    [InlineData("likes")]
    [InlineData("shares")]
    [InlineData("comments")]
    [InlineData("reach")]
    public void Negative_count_is_rejected(string field)
    {
        var error = SingleError(ParseJson(Item("m1", $"\"{field}\":-1")));

        Assert.Equal(field, error.Field);
        Assert.Equal($"'{field}' must not be negative.", error.Message);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public void Non_integer_count_is_rejected(string value)
    {
        var error = SingleError(ParseJson(Item("m1", $"\"likes\":{value}")));

        Assert.Equal("likes", error.Field);
    }

    [Fact]
    public void Null_count_defaults_to_zero()
    {
        Assert.Equal(0, Assert.Single(ParseJson(Item("m1", "\"likes\":null")).Accepted).Likes);
    }

    [Fact]
    public void Timestamp_beyond_the_future_skew_is_rejected()
    {
        var tooLate = Now.AddMinutes(5).AddSeconds(1);

        var error = SingleError(ParseJson(Item("m1", $"\"timestamp\":\"{tooLate:O}\"")));

        Assert.Equal("timestamp", error.Field);
        Assert.Contains("in the future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamp_in_the_near_future_within_the_skew_is_accepted()
    {
        var slightlyAhead = Now.AddMinutes(4);

        var mention = Assert.Single(ParseJson(Item("m1", $"\"timestamp\":\"{slightlyAhead:O}\"")).Accepted);

        Assert.Equal(slightlyAhead, mention.Timestamp);
    }

    [Fact]
    public void Future_skew_is_configurable()
    {
        var options = new IngestOptions { MaxFutureSkew = TimeSpan.Zero };

        var result = ParseJson(Item("m1", $"\"timestamp\":\"{Now.AddSeconds(1):O}\""), options);

        Assert.Equal("timestamp", SingleError(result).Field);
    }

    [Fact]
    public void Missing_timestamp_defaults_to_now()
    {
        Assert.Equal(Now, Assert.Single(ParseJson(Item("m1")).Accepted).Timestamp);
    }

    // Only discriminating where the process time zone is not UTC (verified with TZ=America/New_York).
    [Fact]
    public void Timestamp_without_offset_is_read_as_utc()
    {
        var mention = Assert.Single(ParseJson(Item("m1", "\"timestamp\":\"2025-03-14T10:00:00\"")).Accepted);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero), mention.Timestamp);
        Assert.Equal(TimeSpan.Zero, mention.Timestamp.Offset);
    }

    [Theory]
    [InlineData("2025-03-14T06:00:00-05:00", -5)]
    [InlineData("2025-03-14T06:00:00+02:00", 2)]
    [InlineData("2025-03-14T06:00:00.123Z", 0)]
    [InlineData("2025-03-14T06:00:00\\u002B02:00", 2)]
    public void Timestamp_offset_is_kept_as_sent(string value, int offsetHours)
    {
        var mention = Assert.Single(ParseJson(Item("m1", $"\"timestamp\":\"{value}\"")).Accepted);

        Assert.Equal(TimeSpan.FromHours(offsetHours), mention.Timestamp.Offset);
        Assert.Equal(6, mention.Timestamp.Hour);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("14/03/2025")]
    [InlineData("")]
    public void Timestamp_that_is_not_iso_8601_is_rejected(string value)
    {
        Assert.Equal("timestamp", SingleError(ParseJson(Item("m1", $"\"timestamp\":\"{value}\""))).Field);
    }

    [Fact]
    public void Unknown_channel_is_rejected_listing_the_known_ones()
    {
        var error = SingleError(ParseJson("""{"id":"m1","channel":"myspace","text":"t"}"""));

        Assert.Equal("channel", error.Field);
        Assert.Contains("'myspace'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bluesky", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Channel_is_matched_case_insensitively_and_normalised_to_lower_case()
    {
        var result = ParseJson("""[{"id":"a","channel":"BlueSky","text":"t"},{"id":"b","channel":"X","text":"t"}]""");

        Assert.Equal(["bluesky", "x"], result.Accepted.Select(m => m.Channel));
    }

    [Fact]
    public void Escaped_channel_name_is_decoded_before_lookup()
    {
        var mention = Assert.Single(ParseJson("""{"id":"a","channel":"\u0052eddit","text":"t"}""").Accepted);

        Assert.Equal("reddit", mention.Channel);
    }

    [Fact]
    public void Configured_channels_replace_the_defaults()
    {
        var options = new IngestOptions { Channels = ["TikTok"] };

        var result = ParseJson("""[{"id":"a","channel":"tiktok","text":"t"},{"id":"b","channel":"x","text":"t"}]""", options);

        Assert.Equal("tiktok", Assert.Single(result.Accepted).Channel);
        Assert.Equal("b", SingleError(result).Id);
    }

    [Fact]
    public void Very_long_unknown_channel_is_rejected_with_a_truncated_echo()
    {
        var longName = new string('q', 500);

        var error = SingleError(ParseJson($$"""{"id":"a","channel":"{{longName}}","text":"t"}"""));

        Assert.Equal("channel", error.Field);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\\n\\t")]
    public void Blank_text_is_rejected(string text)
    {
        var error = SingleError(ParseJson($$"""{"id":"a","channel":"x","text":"{{text}}"}"""));

        Assert.Equal("text", error.Field);
        Assert.Equal("'text' must not be blank.", error.Message);
    }

    [Fact]
    public void Text_over_the_maximum_length_is_rejected()
    {
        var options = new IngestOptions { MaxTextLength = 10 };

        var result = ParseJson($$"""[{"id":"ok","channel":"x","text":"{{new string('a', 10)}}"},{"id":"long","channel":"x","text":"{{new string('a', 11)}}"}]""", options);

        Assert.Equal("ok", Assert.Single(result.Accepted).Id);
        var error = SingleError(result);
        Assert.Equal(("long", "text"), (error.Id, error.Field));
        Assert.Equal("'text' is 11 characters long; the limit is 10.", error.Message);
    }

    [Fact]
    public void Default_text_limit_is_ten_thousand_characters()
    {
        var result = ParseJson($$"""[{"id":"ok","channel":"x","text":"{{new string('a', 10_000)}}"},{"id":"long","channel":"x","text":"{{new string('a', 10_001)}}"}]""");

        Assert.Equal("ok", Assert.Single(result.Accepted).Id);
        Assert.Equal("long", SingleError(result).Id);
    }

    [Fact]
    public void Blank_id_is_rejected()
    {
        Assert.Equal("'id' must not be blank.", SingleError(ParseJson("""{"id":" ","channel":"x","text":"t"}""")).Message);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        const string extra = """
            "sentiment":"pos","geo":{"lat":1,"tags":[1,{"a":null}]},"score":0.5,"ID":"other","flag":true
            """;

        var result = ParseJson(Item("m1", extra));

        Assert.True(result.IsFullyAccepted);
        Assert.Equal("m1", Assert.Single(result.Accepted).Id);
    }

    [Fact]
    public void Unicode_and_emoji_text_is_kept_intact()
    {
        const string text = "Grüße aus Köln 🎉👍🏽 — 日本語 \"quoted\" \\ backslash";
        var escaped = System.Text.Json.JsonSerializer.Serialize(text);

        var direct = Assert.Single(ParseJson($$"""{"id":"u","channel":"x","text":"Grüße aus Köln 🎉👍🏽 — 日本語 \"quoted\" \\ backslash"}""").Accepted);
        var viaEscapes = Assert.Single(ParseJson($$"""{"id":"u","channel":"x","text":{{escaped}}}""").Accepted);

        Assert.Equal(text, direct.Text);
        Assert.Equal(text, viaEscapes.Text);
    }

    [Fact]
    public void Lone_surrogate_escape_in_text_is_a_field_error_not_a_crash()
    {
        var error = SingleError(ParseJson("""{"id":"a","channel":"x","text":"bad \uD800 half"}"""));

        Assert.Equal("text", error.Field);
    }

    [Fact]
    public void Invalid_utf8_bytes_in_text_are_a_field_error()
    {
        byte[] body = [.. """{"id":"a","channel":"x","text":"bad """u8, 0xC3, 0x28, .. "\"}"u8];

        var result = new MentionBatchParser(new IngestOptions()).Parse(body, MentionBodyFormat.Json, Now);

        Assert.Equal("text", SingleError(result).Field);
    }

    [Fact]
    public void Invalid_item_does_not_prevent_its_neighbours_from_being_accepted()
    {
        var result = ParseNdJson(string.Join('\n', Item("a"), Item("b", "\"likes\":-3"), Item("c"), """{"id":"d","channel":"fax","text":"t"}"""));

        Assert.Equal(["a", "c"], result.Accepted.Select(m => m.Id));
        Assert.Equal([("b", "likes"), ("d", "channel")], result.Errors.Select(e => (e.Id, e.Field)));
        Assert.Equal(2, result.RejectedCount);
    }
}
