using System.Text.Json;
using Pulse.Sources.Mastodon;

namespace Pulse.Sources.Tests.Mastodon;

public sealed class StreamingHostTests
{
    [Theory]
    [InlineData("""{"configuration":{"urls":{"streaming":"wss://streaming.example.social"}}}""", "https://streaming.example.social/")]
    [InlineData("""{"urls":{"streaming_api":"wss://stream.example.social:4000/ignored?x=1"}}""", "https://stream.example.social:4000/")]
    [InlineData("""{"configuration":{"urls":{"streaming":"ws://127.0.0.1:9000"}}}""", "http://127.0.0.1:9000/")]
    public void The_announced_websocket_url_of_either_version_becomes_an_http_base(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(new Uri(expected), StreamingHost.Parse(document.RootElement));
    }

    [Theory]
    [InlineData("""{"domain":"example.social"}""")]
    [InlineData("""{"configuration":{"urls":{"streaming":null}}}""")]
    [InlineData("""{"configuration":{"urls":{"streaming":"ftp://files.example"}}}""")]
    [InlineData("""{"urls":{"streaming_api":"not a url"}}""")]
    [InlineData("""{"configuration":"odd","urls":[1,2]}""")]
    [InlineData("[1,2]")]
    public void An_instance_that_announces_no_usable_host_keeps_the_web_host(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(StreamingHost.Parse(document.RootElement));
    }

    [Fact]
    public void A_stream_keeps_its_path_and_query_on_the_announced_host() =>
        Assert.Equal(
            new Uri("https://streaming.example.social/api/v1/streaming/hashtag?tag=bahn"),
            StreamingHost.Rebase(new Uri("https://example.social/api/v1/streaming/hashtag?tag=bahn"), new Uri("https://streaming.example.social/")));
}
