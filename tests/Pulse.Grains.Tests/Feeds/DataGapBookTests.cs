using Pulse.Grains.Feeds;

namespace Pulse.Grains.Tests.Feeds;

/// <summary>Channels stopping while a data gap is open join it: an outage is one signal, over when every channel is back.</summary>
public sealed class DataGapBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Channels_that_stop_while_a_gap_is_open_join_it_and_it_ends_when_all_are_back()
    {
        var book = new DataGapBook();

        var first = book.Stopped("news", T0, 300, T0.AddSeconds(10));
        var both = book.Stopped("x", T0.AddSeconds(5), 1200, T0.AddSeconds(15));

        Assert.Equal(first.Id, both.Id);
        Assert.Equal(["news", "x"], both.Channels.Select(c => c.Channel));
        Assert.Equal(T0, both.StartedAt);
        Assert.Contains("news, x", both.Message, StringComparison.Ordinal);
        Assert.Contains("about 1500 a minute", both.Message, StringComparison.Ordinal);

        var half = book.Resumed("news", T0.AddMinutes(1), T0.AddMinutes(1));

        Assert.Null(half!.EndedAt);
        Assert.False(book.IsSilent("news"));
        Assert.True(book.IsSilent("x"));

        var over = book.Resumed("x", T0.AddMinutes(2), T0.AddMinutes(2));

        Assert.Equal(T0.AddMinutes(2), over!.EndedAt);
        Assert.Null(book.Open);
        Assert.False(book.IsSilent("x"));
        Assert.Equal([first.Id], book.List().Select(g => g.Id));
    }

    [Fact]
    public void A_channel_stopping_after_the_gap_ended_opens_a_new_one_listed_first()
    {
        var book = new DataGapBook();
        var old = book.Stopped("news", T0, 300, T0);
        book.Resumed("news", T0.AddMinutes(1), T0.AddMinutes(1));

        var fresh = book.Stopped("news", T0.AddMinutes(5), 300, T0.AddMinutes(5));

        Assert.NotEqual(old.Id, fresh.Id);
        Assert.Equal([fresh.Id, old.Id], book.List().Select(g => g.Id));
    }

    [Fact]
    public void A_channel_that_is_in_no_gap_resuming_changes_nothing()
    {
        Assert.Null(new DataGapBook().Resumed("x", T0, T0));
    }
}
