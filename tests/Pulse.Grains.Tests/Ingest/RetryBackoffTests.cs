using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Ingest;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Waits_double_from_the_first_up_to_the_longest()
    {
        Assert.Equal(RetryBackoff.First, RetryBackoff.Delay(1, jitter: 1));
        Assert.Equal(RetryBackoff.First * 2, RetryBackoff.Delay(2, jitter: 1));
        Assert.Equal(RetryBackoff.First * 8, RetryBackoff.Delay(4, jitter: 1));
        Assert.Equal(RetryBackoff.Longest, RetryBackoff.Delay(10, jitter: 1));
        Assert.Equal(RetryBackoff.Longest, RetryBackoff.Delay(int.MaxValue, jitter: 1));
    }

    [Fact]
    public void Jitter_takes_off_at_most_half()
    {
        Assert.Equal(RetryBackoff.First / 2, RetryBackoff.Delay(1, jitter: 0));
        Assert.Equal(RetryBackoff.Longest / 2, RetryBackoff.Delay(20, jitter: 0));
        Assert.InRange(RetryBackoff.Delay(3, jitter: 0.5), RetryBackoff.First * 2, RetryBackoff.First * 4);
    }

    [Fact]
    public void A_delivery_keeps_retrying_for_longer_than_a_dead_silo_takes_to_be_declared_dead()
    {
        // Three missed 3 s probes declare a killed silo dead; its grains reactivate after that. Retrying a delivery for
        // less would fail it while failover is merely in progress.
        var waited = TimeSpan.Zero;
        var attempt = 1;
        for (; waited + RetryBackoff.Delay(attempt, jitter: 1) <= RetryBackoff.Budget; attempt++)
        {
            waited += RetryBackoff.Delay(attempt, jitter: 1);
        }

        Assert.True(waited >= TimeSpan.FromSeconds(12), $"only {waited} of retries");
        Assert.True(RetryBackoff.Budget < TimeSpan.FromSeconds(30), "one delivery's retries must end within Orleans' 30 s response timeout");
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.1)]
    public void Rejects_attempts_before_the_first_and_jitter_outside_0_to_1(int attempt, double jitter) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(attempt, jitter));
}
