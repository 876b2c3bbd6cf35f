using Pulse.Grains.Mentions;
using Pulse.Silo.Brands;
using Pulse.Silo.Ingest;
using static Pulse.Silo.Tests.Ingest.IngestSamples;

namespace Pulse.Silo.Tests.Ingest;

/// <summary>Short fields are capped, url is http(s) only and a field given twice rejects the item; the rest of the batch still counts.</summary>
public sealed class MentionFieldLimitsTests
{
    public static TheoryData<string, int> CappedFields => new()
    {
        { "author", MentionLimits.MaxAuthorLength },
        { "lang", MentionLimits.MaxLangLength },
        { "brand", BrandValidator.MaxIdLength },
        { "engagementOf", MentionLimits.MaxIdLength },
    };

    [Theory]
    [MemberData(nameof(CappedFields))]
    public void A_field_at_its_cap_is_accepted_and_one_past_it_is_rejected_naming_the_field(string field, int cap)
    {
        var result = ParseNdJson(
            Item("at-cap", $"\"{field}\":\"{new string('a', cap)}\"") + "\n" + Item("past-cap", $"\"{field}\":\"{new string('a', cap + 1)}\""));

        Assert.Equal("at-cap", Assert.Single(result.Accepted).Id);
        var error = SingleError(result);
        Assert.Equal(field, error.Field);
        Assert.Equal("past-cap", error.Id);
        Assert.Equal($"'{field}' is {cap + 1} characters long; the limit is {cap}.", error.Message);
    }

    [Fact]
    public void An_id_past_its_cap_is_rejected()
    {
        var result = ParseJson($"[{Item(new string('i', MentionLimits.MaxIdLength))},{Item(new string('i', MentionLimits.MaxIdLength + 1))}]");

        Assert.Single(result.Accepted);
        Assert.Equal("id", SingleError(result).Field);
        Assert.Equal(1, result.RejectedCount);
    }

    [Theory]
    [InlineData("https://example.com/p/1")]
    [InlineData("http://example.com")]
    [InlineData("HTTPS://EXAMPLE.COM/X?q=1#f")]
    public void An_http_or_https_url_is_accepted(string url)
    {
        Assert.Equal(url, Assert.Single(ParseJson(Item("m1", $"\"url\":\"{url}\"")).Accepted).Url);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("example.com/p/1")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("")]
    public void A_url_that_is_not_absolute_http_or_https_is_rejected(string url)
    {
        var error = SingleError(ParseJson(Item("m1", $"\"url\":\"{url}\"")));

        Assert.Equal("url", error.Field);
        Assert.Equal("'url' must be an absolute http or https URL.", error.Message);
    }

    [Fact]
    public void A_url_past_its_cap_is_rejected_by_length()
    {
        var url = "https://example.com/" + new string('p', MentionLimits.MaxUrlLength);

        var error = SingleError(ParseJson(Item("m1", $"\"url\":\"{url}\"")));

        Assert.Equal("url", error.Field);
        Assert.StartsWith("'url' is ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"likes\":1,\"likes\":2", "likes")]
    [InlineData("\"text\":\"other\"", "text")]
    [InlineData("\"te\\u0078t\":\"escaped name\"", "text")]
    [InlineData("\"id\":\"m2\"", "id")]
    [InlineData("\"url\":null,\"url\":\"https://example.com\"", "url")]
    [InlineData("\"engagementOf\":\"p1\",\"engagementOf\":\"p2\"", "engagementOf")]
    public void A_known_field_given_twice_rejects_the_item(string members, string field)
    {
        var result = ParseNdJson(Item("m1", members) + "\n" + Item("ok"));

        Assert.Equal("ok", Assert.Single(result.Accepted).Id);
        var error = SingleError(result);
        Assert.Equal(field, error.Field);
        Assert.Equal($"'{field}' appears more than once in the object; give each field once.", error.Message);
    }

    [Fact]
    public void A_repeated_unknown_field_is_ignored_like_any_unknown_field()
    {
        Assert.Single(ParseJson(Item("m1", "\"extra\":1,\"extra\":2")).Accepted);
    }

    [Fact]
    public void A_field_name_with_a_lone_surrogate_escape_is_ignored_like_an_unknown_field()
    {
        // Found by MentionParserProperties: it used to throw out of the parser (a 500, and a poison entry in the ingest log).
        Assert.Single(ParseJson(Item("m1", "\"\\ud800\":1")).Accepted);
    }

    [Fact]
    public void Engagement_of_long_MaxValue_is_accepted()
    {
        var mention = Assert.Single(ParseJson(Item("m1", $"\"likes\":{long.MaxValue},\"reach\":{long.MaxValue}")).Accepted);

        Assert.Equal(long.MaxValue, mention.Likes);
    }
}
