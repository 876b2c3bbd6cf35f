namespace Pulse.Analytics.Detection;

/// <summary>
/// Turns per-bucket anomalies into incidents: no alerts during warm-up, one alert per incident, a new incident only after
/// <see cref="DetectorSettings.RefractoryBuckets"/> quiet buckets, and a repeat alert inside an incident only when its
/// severity steps up (an escalation of the same incident, not a new one). A struct held in its detector's field, never
/// copied: five per grain.
/// </summary>
internal struct IncidentTracker
{
    private readonly int _warmUp;
    private readonly int _refractory;
    private readonly int _minimumSeverity;
    private long _seen;
    private long _quiet = long.MaxValue;
    private int _alertedSeverity;

    public IncidentTracker(DetectorSettings settings)
    {
        _warmUp = settings.WarmUpBuckets;
        _refractory = settings.RefractoryBuckets;
        _minimumSeverity = settings.MinimumSeverity;
    }

    /// <summary>Records one bucket: whether it is anomalous and, if so, its severity (1..10).</summary>
    public IncidentStep Observe(bool anomalous, int severity)
    {
        _seen++;
        if (!anomalous)
        {
            if (_quiet != long.MaxValue)
            {
                _quiet++;
            }

            return IncidentStep.None;
        }

        var newIncident = _quiet >= _refractory;
        _quiet = 0;
        if (_seen <= _warmUp)
        {
            // Anomalies while the baseline forms still start an incident, so its tail is not alerted either.
            _alertedSeverity = int.MaxValue;
            return IncidentStep.None;
        }

        if (newIncident)
        {
            _alertedSeverity = 0;
        }

        if (severity < _minimumSeverity)
        {
            // Significant and new, but too small to matter: the incident stays open, unalerted, until it grows.
            return IncidentStep.None;
        }

        if (_alertedSeverity == 0)
        {
            _alertedSeverity = severity;
            return IncidentStep.Opens;
        }

        if (severity > _alertedSeverity)
        {
            _alertedSeverity = severity;
            return IncidentStep.Escalates;
        }

        return IncidentStep.None;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_seen);
        writer.Write(_quiet);
        writer.Write(_alertedSeverity);
    }

    public void Read(BinaryReader reader)
    {
        _seen = reader.ReadInt64();
        _quiet = reader.ReadInt64();
        _alertedSeverity = reader.ReadInt32();
    }
}

/// <summary>What a bucket does to the incident it belongs to.</summary>
internal enum IncidentStep
{
    None,
    Opens,
    Escalates,
}
