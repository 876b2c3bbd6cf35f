using System.Collections.ObjectModel;

namespace Pulse.Analytics.Windows;

/// <summary>
/// The resolutions a grain keeps, finest first. Validated on construction so a bad configuration fails at startup,
/// not as silently wrong sums.
/// </summary>
public sealed record WindowLayout(IReadOnlyList<WindowResolution> Resolutions)
{
    /// <summary>2 minutes at 1 s, 90 minutes at 1 min, 25 hours at 15 min.</summary>
    public static WindowLayout Default { get; } = new(
    [
        new WindowResolution(TimeSpan.FromSeconds(1), 120),
        new WindowResolution(TimeSpan.FromMinutes(1), 90),
        new WindowResolution(TimeSpan.FromMinutes(15), 100),
    ]);

    // Copied into a read-only collection so a caller cannot change the layout after validation.
    public IReadOnlyList<WindowResolution> Resolutions { get; } = Validate(Resolutions, nameof(Resolutions));

    // Records compare collections by reference; a layout is a value, so compare the resolutions themselves.
    public bool Equals(WindowLayout? other) =>
        other is not null && (ReferenceEquals(this, other) || Resolutions.SequenceEqual(other.Resolutions));

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var resolution in Resolutions)
        {
            hash.Add(resolution);
        }

        return hash.ToHashCode();
    }

    private static ReadOnlyCollection<WindowResolution> Validate(IReadOnlyList<WindowResolution> resolutions, string paramName)
    {
        ArgumentNullException.ThrowIfNull(resolutions, paramName);
        if (resolutions.Count == 0)
        {
            throw new ArgumentException("A window layout needs at least one resolution.", paramName);
        }

        var copy = new WindowResolution[resolutions.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            var current = resolutions[i];
            if (current.Resolution <= TimeSpan.Zero)
            {
                throw new ArgumentException(
                    $"Window resolution at index {i} must be positive, but is {current.Resolution}.", paramName);
            }

            if (current.Capacity < 1)
            {
                throw new ArgumentException(
                    $"Window capacity at index {i} (resolution {current.Resolution}) must be at least 1, but is {current.Capacity}.",
                    paramName);
            }

            if (i > 0 && current.Resolution <= copy[i - 1].Resolution)
            {
                throw new ArgumentException(
                    $"Window resolutions must be strictly increasing, but {current.Resolution} at index {i} " +
                    $"does not exceed {copy[i - 1].Resolution} at index {i - 1}.",
                    paramName);
            }

            copy[i] = current;
        }

        return Array.AsReadOnly(copy);
    }
}
