using Pulse.Load;

namespace Pulse.Tools.Tests.Load;

public sealed class MetricsProcessedReaderTests
{
    [Fact]
    public void Sums_every_partition_and_nothing_else()
    {
        const string scrape = """
            # HELP pulse_partition_mentions_total Scored mentions an ingest partition handed to its grains.
            # TYPE pulse_partition_mentions_total counter
            pulse_partition_mentions_total{otel_scope_name="Pulse",partition="0"} 1200 1733500000000
            pulse_partition_mentions_total{otel_scope_name="Pulse",partition="7"} 34
            pulse_partition_mentions_total_created{partition="0"} 1733400000
            pulse_partition_mentions_totals 999
            pulse_mentions_accepted_total{source="http"} 5000
            """;

        Assert.Equal(1234, MetricsProcessedReader.SumOf(scrape));
    }

    [Fact]
    public void A_label_value_with_spaces_and_braces_does_not_hide_the_value()
    {
        Assert.Equal(
            15,
            MetricsProcessedReader.SumOf("pulse_partition_mentions_total{note=\"a } b\",partition=\"1\"} 12\r\npulse_partition_mentions_total 3e0"));
    }

    [Fact]
    public void Before_the_first_delivery_the_sum_is_zero() =>
        Assert.Equal(0, MetricsProcessedReader.SumOf("# TYPE pulse_mentions_received_total counter\npulse_mentions_received_total 0\n"));
}
