namespace Pulse.Grains.Digests;

/// <summary>The cluster's one digest scheduler (key <see cref="Key"/>): asks every brand's digest grain for the week due.</summary>
public interface IDigestSchedulerGrain : IGrainWithStringKey
{
    const string Key = "digests";

    /// <summary>Registers its reminder (a no-op once registered); silos call it as they start when the archive is on.</summary>
    Task StartAsync();

    /// <summary>The latest week every brand was settled for (null: none yet), for operators and tests.</summary>
    Task<DigestWeek?> GetSettledWeekAsync();
}
