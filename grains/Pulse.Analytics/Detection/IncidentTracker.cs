namespace Pulse.Analytics.Detection;

/// <summary>
/// Turns per-bucket anomalies into incidents: no alerts during warm-up, one alert per incident, a new
/// incident only after <see cref="DetectorSettings.RefractoryBuckets"/> quiet buckets, and a repeat
/// alert inside an incident only when it escalates. Also grades severity.
/// </summary>
internal sealed class IncidentTracker
{
    // Severity steps: three per doubling of the deviation beyond the threshold, one per doubling of duration.
    private const double StepsPerMagnitudeDoubling = 3.0;

    private readonly int _warmUp;
    private readonly int _refractory;
    private readonly double _escalation;
    private readonly double _persistenceUnit;
    private long _seen;
    private long _quiet = long.MaxValue;
    private long _incidentBuckets;
    private double _alertedMagnitude;

    public IncidentTracker(DetectorSettings settings)
    {
        _warmUp = settings.WarmUpBuckets;
        _refractory = settings.RefractoryBuckets;
        _escalation = settings.EscalationFactor;
        _persistenceUnit = settings.SeverityPersistenceBuckets;
    }

    /// <summary>Records one bucket.</summary>
    /// <param name="anomalous">Whether the bucket is anomalous.</param>
    /// <param name="peak">This bucket's own deviation over its threshold; an incident escalates when it grows enough
    /// (accumulated evidence is not used here, it grows with time alone).</param>
    /// <returns>Whether this bucket raises an alert.</returns>
    public bool Observe(bool anomalous, double peak)
    {
        _seen++;
        if (!anomalous)
        {
            if (_quiet != long.MaxValue)
            {
                _quiet++;
            }

            return false;
        }

        var newIncident = _quiet >= _refractory;
        _incidentBuckets = newIncident ? 1 : _incidentBuckets + 1;
        _quiet = 0;
        if (_seen <= _warmUp)
        {
            // Anomalies while the baseline forms still start an incident, so its tail is not alerted either.
            _alertedMagnitude = double.PositiveInfinity;
            return false;
        }

        if (newIncident)
        {
            _alertedMagnitude = Math.Max(peak, 1.0);
            return true;
        }

        if (_escalation > 0 && peak >= _escalation * _alertedMagnitude)
        {
            _alertedMagnitude = peak;
            return true;
        }

        return false;
    }

    /// <summary>Severity 1..10 of the current anomalous bucket: grows with the magnitude and the incident's duration.</summary>
    public int Severity(double magnitude)
    {
        var fromMagnitude = StepsPerMagnitudeDoubling * Math.Log2(Math.Max(1.0, magnitude));
        var fromDuration = Math.Floor(Math.Log2(1.0 + ((_incidentBuckets - 1) / _persistenceUnit)));
        return (int)Math.Clamp(1.0 + Math.Round(fromMagnitude) + fromDuration, 1.0, 10.0);
    }
}
