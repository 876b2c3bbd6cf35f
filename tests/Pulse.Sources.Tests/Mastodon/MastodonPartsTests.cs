using System.Net.Http.Headers;
using System.Text;
using Pulse.Sources.Mastodon;

namespace Pulse.Sources.Tests.Mastodon;

public sealed class MastodonPartsTests
{
    [Theory]
    [InlineData("99", "100", -1)]
    [InlineData("110000000000000002", "110000000000000010", -1)]
    [InlineData("5", "5", 0)]
    [InlineData(null, "1", -1)]
    public void Status_ids_order_by_length_then_value(string? a, string? b, int sign)
    {
        Assert.Equal(sign, Math.Sign(StatusId.Compare(a, b)));
        Assert.Equal(-sign, Math.Sign(StatusId.Compare(b, a)));
    }

    [Theory]
    [InlineData("110000000000000001", true)]
    [InlineData("01HXYZABCDEF", true)]
    [InlineData("", false)]
    [InlineData("1&limit=40", false)]
    public void Only_plain_ids_are_sent_back_as_cursors(string id, bool valid) => Assert.Equal(valid, StatusId.IsValid(id));

    [Fact]
    public async Task The_event_reader_handles_line_endings_comments_and_multi_line_data()
    {
        var text = ":thump\n\nevent: update\r\ndata: a\rdata:b\n\n: heartbeat\nevent: delete\ndata: 1\n\nevent: update\ndata: unfinished";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var reader = new ServerSentEventReader(stream, 1024, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        Assert.Equal(new ServerSentEvent("update", "a\nb"), await reader.ReadAsync());
        Assert.Equal(new ServerSentEvent("delete", "1"), await reader.ReadAsync());
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public void Rate_limit_pace_slows_down_before_the_window_is_empty()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        static HttpResponseHeaders Headers(int remaining, DateTimeOffset reset)
        {
            using var response = new HttpResponseMessage();
            response.Headers.Add("X-RateLimit-Limit", "300");
            response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Reset", reset.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture));
            return response.Headers;
        }

        Assert.Equal(TimeSpan.Zero, RateLimit.Pace(Headers(200, now.AddMinutes(5)), now));
        Assert.Equal(TimeSpan.FromSeconds(10), RateLimit.Pace(Headers(9, now.AddSeconds(100)), now));
        Assert.Equal(TimeSpan.FromSeconds(100), RateLimit.Pace(Headers(0, now.AddSeconds(100)), now));
        Assert.Equal(now.AddSeconds(100), RateLimit.RetryAt(Headers(0, now.AddSeconds(100)), now));
    }
}
