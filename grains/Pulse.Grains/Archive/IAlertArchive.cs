using Pulse.Grains.Alerts;

namespace Pulse.Grains.Archive;

/// <summary>
/// Where every change of an alert goes (opened, escalated, acknowledged, resolved) for the long term: the archive's
/// alerts table when PostgreSQL is on, nowhere by default. Reports measure incidents from it, long after the brand's
/// alerts grain has let an old alert go.
/// </summary>
public interface IAlertArchive
{
    /// <summary>Takes the alert as it now is, without waiting: a grain turn must not wait for a database.</summary>
    void Record(Alert alert);
}

/// <summary>No archive: alerts live only in their grains (the newest 200 per brand).</summary>
internal sealed class NoAlertArchive : IAlertArchive
{
    public void Record(Alert alert)
    {
    }
}
