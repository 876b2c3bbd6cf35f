namespace Pulse.Silo.Tests.Telemetry;

/// <summary>The scrape reader the metrics tests rely on accepts the exposition format and refuses what is not.</summary>
public sealed class PrometheusTextTests
{
    private const string Valid = """
        # TYPE pulse_mentions_received_total counter
        # HELP pulse_mentions_received_total Mentions offered.
        pulse_mentions_received_total{otel_scope_name="Pulse",source="http"} 7
        pulse_mentions_received_total{otel_scope_name="Pulse",source="rss"} 2 1700000000000
        # TYPE pulse_source_lag_seconds histogram
        pulse_source_lag_seconds_bucket{source="rss",le="+Inf"} 3
        pulse_source_lag_seconds_sum{source="rss"} 181.5
        pulse_source_lag_seconds_count{source="rss"} 3
        # TYPE odd gauge
        odd{text="a \"quoted\" \\ line\nbreak"} NaN
        # EOF
        """;

    [Fact]
    public void Reads_samples_labels_and_values()
    {
        var scrape = PrometheusText.Parse(Valid);

        Assert.Equal(9, scrape.Sum("pulse_mentions_received_total"));
        Assert.Equal(2, scrape.Sum("pulse_mentions_received_total", ("source", "rss")));
        Assert.Equal(181.5, scrape.Sum("pulse_source_lag_seconds_sum"));
        Assert.Equal("histogram", scrape.Types["pulse_source_lag_seconds"]);
        Assert.Equal("a \"quoted\" \\ line\nbreak", scrape.Named("odd").Single().Label("text"));
    }

    [Theory]
    [InlineData("untyped_sample 1")]
    [InlineData("# TYPE a counter\na{x=\"1\"} one")]
    [InlineData("# TYPE a counter\na{x=\"1} 1")]
    [InlineData("# TYPE a counter\na{x=1} 1")]
    [InlineData("# TYPE a counter\na{x=\"1\",x=\"2\"} 1")]
    [InlineData("# TYPE a counter\na{x=\"1\"} 1\na{x=\"1\"} 2")]
    [InlineData("# TYPE a counter\n# TYPE a gauge")]
    [InlineData("# TYPE a counter\na_bucket{le=\"1\"} 1")]
    [InlineData("# TYPE a nonsense")]
    [InlineData("# TYPE a counter\na{x=\"\\q\"} 1")]
    public void Refuses_what_is_not_the_format(string text)
    {
        Assert.Throws<FormatException>(() => PrometheusText.Parse(text));
    }
}
