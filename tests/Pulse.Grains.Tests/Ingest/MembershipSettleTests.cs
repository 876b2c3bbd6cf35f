using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Tests.Ingest;

public sealed class MembershipSettleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_view_a_partition_started_with_is_settled()
    {
        var settle = new MembershipSettle(Settle, versionAtStart: 7);

        Assert.True(settle.IsSettled(7, Start));
    }

    [Fact]
    public void A_change_holds_commits_for_the_settle_time_and_each_further_change_starts_it_again()
    {
        var settle = new MembershipSettle(Settle, versionAtStart: 7);

        Assert.False(settle.IsSettled(8, Start));
        Assert.False(settle.IsSettled(8, Start + TimeSpan.FromSeconds(4)));
        Assert.False(settle.IsSettled(9, Start + TimeSpan.FromSeconds(4.5)));
        Assert.False(settle.IsSettled(9, Start + TimeSpan.FromSeconds(9)));
        Assert.True(settle.IsSettled(9, Start + TimeSpan.FromSeconds(9.5)));
    }
}
