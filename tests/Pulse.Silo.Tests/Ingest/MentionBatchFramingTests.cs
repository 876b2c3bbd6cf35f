using Pulse.Silo.Ingest;
using static Pulse.Silo.Tests.Ingest.IngestSamples;

namespace Pulse.Silo.Tests.Ingest;

/// <summary>How a body is split into items: single object, array, NDJSON, and whole-batch faults.</summary>
public sealed class MentionBatchFramingTests
{
    [Fact]
    public void Single_json_object_yields_one_mention_with_all_fields()
    {
        var result = ParseJson("""
            {"id":"m1","channel":"reddit","text":"Loving it","timestamp":"2025-03-14T11:30:00+01:00",
             "author":"ann","lang":"en","url":"https://example.com/p/1",
             "likes":3,"shares":4,"comments":5,"reach":6000000000,"brand":"acme"}
            """);

        Assert.True(result.IsFullyAccepted);
        var mention = Assert.Single(result.Accepted);
        Assert.Equal("m1", mention.Id);
        Assert.Equal("reddit", mention.Channel);
        Assert.Equal("Loving it", mention.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 11, 30, 0, TimeSpan.FromHours(1)), mention.Timestamp);
        Assert.Equal("ann", mention.Author);
        Assert.Equal("en", mention.Lang);
        Assert.Equal("https://example.com/p/1", mention.Url);
        Assert.Equal(3, mention.Likes);
        Assert.Equal(4, mention.Shares);
        Assert.Equal(5, mention.Comments);
        Assert.Equal(6_000_000_000, mention.Reach);
        Assert.Equal("acme", mention.Brand);
    }

    [Fact]
    public void Optional_fields_default_to_null_and_zero()
    {
        var mention = Assert.Single(ParseJson(Item("m1")).Accepted);

        Assert.Null(mention.Author);
        Assert.Null(mention.Lang);
        Assert.Null(mention.Url);
        Assert.Null(mention.Brand);
        Assert.Equal(0, mention.Likes + mention.Shares + mention.Comments + mention.Reach);
    }

    [Fact]
    public void Json_array_yields_its_mentions_in_order()
    {
        var result = ParseJson($"[{Item("a")},{Item("b")},{Item("c")}]");

        Assert.True(result.IsFullyAccepted);
        Assert.Equal(["a", "b", "c"], result.Accepted.Select(m => m.Id));
    }

    [Fact]
    public void Empty_json_array_is_an_empty_valid_batch()
    {
        var result = ParseJson(" [ ] ");

        Assert.True(result.IsFullyAccepted);
        Assert.Empty(result.Accepted);
    }

    [Fact]
    public void Array_errors_are_numbered_by_index_plus_one()
    {
        var result = ParseJson($$"""[{{Item("a")}},{"id":"b","channel":"x"},{{Item("c")}}]""");

        Assert.Equal(["a", "c"], result.Accepted.Select(m => m.Id));
        Assert.Equal(new IngestError(2, "b", "text", "'text' is required."), SingleError(result));
    }

    [Fact]
    public void Array_element_that_is_not_an_object_is_rejected_alone()
    {
        var result = ParseJson($"[{Item("a")},42,{Item("c")}]");

        Assert.Equal(["a", "c"], result.Accepted.Select(m => m.Id));
        var error = SingleError(result);
        Assert.Equal(2, error.Line);
        Assert.Null(error.Field);
    }

    [Fact]
    public void NdJson_lines_become_mentions_and_blank_lines_are_ignored()
    {
        var result = ParseNdJson($"{Item("a")}\n\n   \r\n{Item("b")}\r\n\t\n{Item("c")}\n");

        Assert.True(result.IsFullyAccepted);
        Assert.Equal(["a", "b", "c"], result.Accepted.Select(m => m.Id));
    }

    [Fact]
    public void NdJson_errors_report_the_physical_line_counting_blank_lines()
    {
        var result = ParseNdJson($"{Item("a")}\n\n{{\"id\":\"b\",\"text\":\"t\"}}\n");

        Assert.Equal(new IngestError(3, "b", "channel", "'channel' is required."), SingleError(result));
    }

    [Fact]
    public void Malformed_ndjson_line_loses_only_that_line()
    {
        var result = ParseNdJson(string.Join('\n',
            Item("a"),
            """{"id":"b","channel":"x","text":"cut off""",
            Item("c"),
            """{"id":"d" "channel":"x"}""",
            Item("e")));

        Assert.Equal(["a", "c", "e"], result.Accepted.Select(m => m.Id));
        Assert.Equal([2, 4], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Null(e.Field));
        Assert.All(result.Errors, e => Assert.Contains("BytePositionInLine", e.Message, StringComparison.Ordinal));
        Assert.Equal(2, result.RejectedCount);
    }

    [Fact]
    public void Ndjson_line_with_a_second_value_is_malformed_and_not_accepted()
    {
        var result = ParseNdJson($"{Item("a")} {Item("b")}\n{Item("c")}");

        Assert.Equal(["c"], result.Accepted.Select(m => m.Id));
        var error = SingleError(result);
        Assert.Equal(1, error.Line);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Field_errors_before_a_syntax_error_on_the_same_line_are_replaced_by_it()
    {
        var result = ParseNdJson("""{"id":"a","likes":-1,"channel":"x" oops}""");

        var error = SingleError(result);
        Assert.Null(error.Field);
        Assert.Equal(1, result.RejectedCount);
    }

    [Fact]
    public void Unparseable_json_body_rejects_the_whole_batch_with_the_parser_position()
    {
        var result = ParseJson($"[{Item("a")},\n{{\"id\":\"b\",}}]");

        Assert.Equal(MentionBatchFailure.MalformedBody, result.Failure);
        Assert.Empty(result.Accepted);
        var error = SingleError(result);
        Assert.Equal(2, error.Line);
        Assert.Null(error.Field);
        Assert.Contains("LineNumber: 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("BytePositionInLine", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"id\":")]
    [InlineData("not json")]
    public void Empty_or_broken_json_body_is_malformed(string body)
    {
        var result = ParseJson(body);

        Assert.Equal(MentionBatchFailure.MalformedBody, result.Failure);
        Assert.Empty(result.Accepted);
        Assert.Null(SingleError(result).Field);
    }

    [Fact]
    public void Json_body_that_is_neither_object_nor_array_is_malformed()
    {
        var result = ParseJson("\"hello\"");

        Assert.Equal(MentionBatchFailure.MalformedBody, result.Failure);
        Assert.Contains("object or an array", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_content_after_the_json_body_is_malformed()
    {
        var result = ParseJson($"{Item("a")} {Item("b")}");

        Assert.Equal(MentionBatchFailure.MalformedBody, result.Failure);
        Assert.Empty(result.Accepted);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_skipped()
    {
        var result = ParseJson("\uFEFF" + Item("a"));

        Assert.Equal("a", Assert.Single(result.Accepted).Id);
    }

    [Fact]
    public void Array_with_more_items_than_the_limit_is_rejected_whole_naming_the_limit()
    {
        var options = new IngestOptions { MaxBatchItems = 2 };

        var result = ParseJson($"[{Item("a")},{Item("b")},{Item("c")}]", options);

        Assert.Equal(MentionBatchFailure.TooManyItems, result.Failure);
        Assert.Empty(result.Accepted);
        var error = SingleError(result);
        Assert.Equal(3, error.Line);
        Assert.Contains("limit is 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NdJson_with_more_lines_than_the_limit_is_rejected_whole()
    {
        var options = new IngestOptions { MaxBatchItems = 2 };

        var result = ParseNdJson($"{Item("a")}\n{Item("b")}\n{Item("c")}", options);

        Assert.Equal(MentionBatchFailure.TooManyItems, result.Failure);
        Assert.Empty(result.Accepted);
        Assert.Contains("limit is 2", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_ndjson_lines_do_not_count_towards_the_item_limit()
    {
        var options = new IngestOptions { MaxBatchItems = 2 };

        var result = ParseNdJson($"\n\n{Item("a")}\n\n\n{Item("b")}\n\n", options);

        Assert.True(result.IsFullyAccepted);
        Assert.Equal(2, result.Accepted.Count);
    }

    [Fact]
    public void Batch_exactly_at_the_limit_is_accepted()
    {
        var options = new IngestOptions { MaxBatchItems = 3 };

        var result = ParseJson($"[{Item("a")},{Item("b")},{Item("c")}]", options);

        Assert.True(result.IsFullyAccepted);
        Assert.Equal(3, result.Accepted.Count);
    }
}
