using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pulse.Grains.Digests;

namespace Pulse.Grains.Tests.Digests;

/// <summary>When a digest is due and which week it covers: local weeks in Berlin by default, across clock changes and downtime.</summary>
public sealed class DigestScheduleTests
{
    // Monday 2026-03-09, 08:00 in Berlin (CET, UTC+1).
    private static readonly DateTimeOffset MondayEight = new(2026, 3, 9, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_the_hour_the_week_that_just_ended_is_due_with_the_week_before_as_its_comparison()
    {
        var schedule = Schedule(MondayEight);

        var due = schedule.LatestDue();

        Assert.Equal(new DigestWeek(2026, 10), due.Week);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), due.From); // Monday 2 March, local midnight
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero), due.To);
        Assert.Equal(new DateTimeOffset(2026, 2, 22, 23, 0, 0, TimeSpan.Zero), due.ComparisonFrom);
        Assert.Equal(MondayEight, due.DueAt);
        Assert.Equal("2026-W10", due.Week.ToString());
    }

    [Fact]
    public void A_minute_before_the_hour_the_last_full_week_is_not_due_yet()
    {
        var schedule = Schedule(MondayEight.AddMinutes(-1));

        Assert.Equal(new DigestWeek(2026, 10), schedule.LastFullWeek().Week);
        Assert.Equal(new DigestWeek(2026, 9), schedule.LatestDue().Week);
        Assert.Null(schedule.Due(new DigestWeek(2026, 9)));
        Assert.Equal(MondayEight, schedule.NextDue().DueAt);
    }

    [Fact]
    public void A_brand_is_owed_the_latest_due_week_once()
    {
        var clock = new FakeTimeProvider(MondayEight.AddMinutes(-1));
        var schedule = Schedule(clock);
        var sent = new DigestWeek(2026, 9);
        Assert.Null(schedule.Due(sent));

        clock.Advance(TimeSpan.FromMinutes(1));

        var due = schedule.Due(sent);
        Assert.Equal(new DigestWeek(2026, 10), due?.Week);
        Assert.Null(schedule.Due(due!.Week));
        Assert.Equal(new DigestWeek(2026, 10), schedule.Due(null)?.Week);
    }

    [Fact]
    public void After_weeks_of_downtime_only_the_latest_week_is_owed_not_a_backlog()
    {
        // Last sent W06; back on Thursday of W13, three due times later.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero));
        var schedule = Schedule(clock);

        var due = schedule.Due(new DigestWeek(2026, 6));

        Assert.Equal(new DigestWeek(2026, 12), due?.Week);
        Assert.Null(schedule.Due(due!.Week));
        clock.Advance(TimeSpan.FromDays(4)); // Monday 30 March, 12:00 UTC: past the next due hour
        Assert.Equal(new DigestWeek(2026, 13), schedule.Due(due.Week)?.Week);
    }

    [Fact]
    public void The_week_clocks_spring_forward_is_167_hours_and_is_due_at_eight_summer_time()
    {
        // Clocks go forward on Sunday 29 March 2026; that Sunday ends week 13.
        var schedule = Schedule(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero));

        var next = schedule.NextDue();

        Assert.Equal(new DigestWeek(2026, 13), next.Week);
        Assert.Equal(TimeSpan.FromHours(167), next.To - next.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), next.To); // midnight CEST
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), next.DueAt);
    }

    [Fact]
    public void The_week_clocks_fall_back_is_169_hours_and_is_due_at_eight_winter_time()
    {
        // Clocks go back on Sunday 25 October 2026; that Sunday ends week 43.
        var schedule = Schedule(new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero));

        var next = schedule.NextDue();

        Assert.Equal(new DigestWeek(2026, 43), next.Week);
        Assert.Equal(TimeSpan.FromHours(169), next.To - next.From);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero), next.DueAt);
    }

    [Theory]
    [InlineData(2026, 3, 29, "2026-03-29T01:00:00Z")] // 02:00 does not exist that night: 03:00 CEST
    [InlineData(2026, 10, 25, "2026-10-25T00:00:00Z")] // 02:00 happens twice: the first, still CEST
    public void A_due_hour_a_clock_change_skips_or_repeats_is_taken_once(int year, int month, int day, string expected)
    {
        var schedule = Schedule(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) - TimeSpan.FromHours(6), DayOfWeek.Sunday, hour: 2);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.NextDue().DueAt);
    }

    [Fact]
    public void Weekday_hour_and_zone_are_the_configured_ones()
    {
        // Wednesday 09:00 in New York (EST, UTC−5): the week is Wednesday to Tuesday, named by its first day's ISO week.
        var schedule = new DigestSchedule(
            new DigestOptions { Weekday = DayOfWeek.Wednesday, Hour = 9, TimeZone = "America/New_York" },
            new FakeTimeProvider(new DateTimeOffset(2026, 2, 18, 14, 0, 0, TimeSpan.Zero)));

        var due = schedule.LatestDue();

        Assert.Equal(new DateTimeOffset(2026, 2, 18, 14, 0, 0, TimeSpan.Zero), due.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 11, 5, 0, 0, TimeSpan.Zero), due.From);
        Assert.Equal(DayOfWeek.Wednesday, due.FirstDay.DayOfWeek);
        Assert.Equal(new DigestWeek(2026, 7), due.Week);
        Assert.Equal(due, schedule.Of(due.Week));
    }

    [Fact]
    public void A_week_named_earlier_gives_back_its_period()
    {
        var schedule = Schedule(MondayEight);
        var due = schedule.LatestDue();

        Assert.Equal(due, schedule.Of(due.Week));
        Assert.Equal(due.From, schedule.Of(new DigestWeek(2026, 11)).ComparisonFrom);
    }

    [Theory]
    [InlineData("Mars/Olympus", null, null)]
    [InlineData(null, "24", null)]
    [InlineData(null, null, "Someday")]
    public void Invalid_options_stop_the_start(string? zone, string? hour, string? weekday)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{DigestOptions.Section}:TimeZone"] = zone ?? "Europe/Berlin",
            [$"{DigestOptions.Section}:Hour"] = hour ?? "8",
        };
        if (weekday is not null)
        {
            settings[$"{DigestOptions.Section}:Weekday"] = weekday;
        }

        using var services = new ServiceCollection().AddPulseDigests(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<DigestOptions>>().Value);
    }

    [Fact]
    public void The_defaults_are_monday_eight_in_berlin()
    {
        using var services = new ServiceCollection().AddPulseDigests(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;

        Assert.Equal((DayOfWeek.Monday, 8, "Europe/Berlin"), (options.Weekday, options.Hour, options.TimeZone));
    }

    private static DigestSchedule Schedule(DateTimeOffset now, DayOfWeek weekday = DayOfWeek.Monday, int hour = 8) =>
        new(new DigestOptions { Weekday = weekday, Hour = hour }, new FakeTimeProvider(now));

    private static DigestSchedule Schedule(TimeProvider clock) => new(new DigestOptions(), clock);
}
