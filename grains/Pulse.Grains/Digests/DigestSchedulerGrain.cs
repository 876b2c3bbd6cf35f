using Microsoft.Extensions.Logging;
using Pulse.Grains.Brands;

namespace Pulse.Grains.Digests;

/// <summary>
/// One scheduler grain with a reminder rather than a reminder per brand: brands come and go through the catalog, and a
/// reminder per brand would have to follow every change (and be registered for every brand that existed before
/// digests). The reminder brings it back after its silo dies (Redis reminders in a cluster, in memory on the embedded
/// host). Each tick, while some brand is not settled for the week due, it asks every brand's
/// <see cref="IBrandDigestGrain"/>, whose own state makes the repeated asks send once. A tick every five minutes puts a
/// digest within five minutes of its hour and retries an archive outage as often.
/// </summary>
internal sealed partial class DigestSchedulerGrain(
    [PersistentState("digest-scheduler", GrainStorageNames.Pulse)] IPersistentState<DigestSchedulerState> state,
    IBrandDigestSource source,
    DigestSchedule schedule,
    ILogger<DigestSchedulerGrain> logger) : Grain, IDigestSchedulerGrain, IRemindable
{
    private const string Reminder = "weekly-digest";

    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(5);

    /// <summary>Brands asked at once: each builds a report over the archive, which other work shares.</summary>
    private const int Concurrency = 2;

    private Task? _round;

    public async Task StartAsync()
    {
        if (await this.GetReminder(Reminder) is null)
        {
            await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromSeconds(30), Tick);
        }
    }

    public Task<DigestWeek?> GetSettledWeekAsync() => Task.FromResult(state.State.SettledWeek);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!source.Available)
        {
            // Left over from a run with the archive (Redis keeps reminders): without one there is no digest to schedule.
            if (await this.GetReminder(Reminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var week = schedule.LatestDue().Week;
        if (state.State.SettledWeek >= week || _round is { IsCompleted: false })
        {
            return;
        }

        // Not awaited: a round over many brands outlasts a reminder's call; the next tick skips while it runs.
        DelayDeactivation(Tick * 2);
        _round = RoundAsync(week);
    }

    private async Task RoundAsync(DigestWeek week)
    {
        try
        {
            var brands = (await GrainFactory.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).GetAsync()).Brands;
            var unsettled = 0;
            await Parallel.ForEachAsync(brands, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (brand, _) =>
            {
                try
                {
                    if (!(await GrainFactory.GetGrain<IBrandDigestGrain>(brand.Id).RunDueAsync()).IsSettled())
                    {
                        Interlocked.Increment(ref unsettled);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref unsettled);
                    LogBrandFailed(e, brand.Id);
                }
            });

            if (unsettled == 0)
            {
                state.State.SettledWeek = week;
                await state.WriteStateAsync();
                LogSettled(week, brands.Length);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRoundFailed(e, week);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digests for {Week} settled for all {Brands} brand(s)")]
    private partial void LogSettled(DigestWeek week, int brands);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest of {Brand} not settled this round; retried next tick")]
    private partial void LogBrandFailed(Exception exception, string brand);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest round for {Week} failed; retried next tick")]
    private partial void LogRoundFailed(Exception exception, DigestWeek week);
}
