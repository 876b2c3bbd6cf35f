using Pulse.Grains.Alerts;

namespace Pulse.Grains.Tests.Alerts;

/// <summary>Quiet hours are a daily range in the brand's own time zone, and may cross midnight.</summary>
public sealed class QuietHoursTests
{
    private static readonly QuietHours Night = new("22:00", "07:00", "Europe/Berlin");

    [Theory]
    [InlineData("2025-01-15T21:30:00Z", true)]  // 22:30 in Berlin (CET, +1)
    [InlineData("2025-01-16T05:59:00Z", true)]  // 06:59
    [InlineData("2025-01-16T06:00:00Z", false)] // 07:00: quiet hours are over
    [InlineData("2025-01-15T20:59:00Z", false)] // 21:59
    [InlineData("2025-07-15T20:30:00Z", true)]  // 22:30 in Berlin (CEST, +2)
    [InlineData("2025-07-15T05:30:00Z", false)] // 07:30 CEST, though 06:30 in winter offset
    public void Covers_the_night_in_the_brands_time_zone(string utc, bool covered)
    {
        Assert.Equal(covered, Night.Covers(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_range_within_one_day_covers_only_that_range()
    {
        var lunch = new QuietHours("12:00", "13:00", "UTC");

        Assert.True(lunch.Covers(new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.Zero)));
        Assert.False(lunch.Covers(new DateTimeOffset(2025, 3, 1, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Ends_at_the_next_morning_in_local_time()
    {
        var end = Night.EndAfter(new DateTimeOffset(2025, 1, 15, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 1, 16, 6, 0, 0, TimeSpan.Zero), end.ToUniversalTime());
    }
}
