namespace Pulse.Analytics.Windows;

/// <summary>
/// The rolling windows of one (brand, channel): the same mentions at several resolutions, so short spans are
/// answered precisely and long spans cheaply.
/// </summary>
/// <remarks>Not thread-safe: it lives inside one grain.</remarks>
public sealed class MultiResolutionWindows
{
    private readonly RollingWindow[] _windows;

    public MultiResolutionWindows(WindowLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _windows = new RollingWindow[layout.Resolutions.Count];
        for (int i = 0; i < _windows.Length; i++)
        {
            _windows[i] = new RollingWindow(layout.Resolutions[i].Resolution, layout.Resolutions[i].Capacity);
        }
    }

    private MultiResolutionWindows(RollingWindow[] windows)
    {
        _windows = windows;
    }

    /// <summary>Finest first, as in the layout.</summary>
    /// <remarks>The array itself, not a read-only wrapper: every grain holds one of these, and callers only read it.</remarks>
    public IReadOnlyList<RollingWindow> Windows => _windows;

    /// <summary>Adds the mention at every resolution; true if at least one still had room for its timestamp.</summary>
    public bool Add(in MentionObservation m)
    {
        bool accepted = false;
        foreach (var window in _windows)
        {
            accepted |= window.Add(in m);
        }

        return accepted;
    }

    /// <summary>
    /// Adds engagement that is no mention (a like, repost or reply on a post counted earlier) at every resolution: the
    /// likes, shares and comments of the buckets at <paramref name="timestamp"/> grow, their count and sentiment do not.
    /// True if at least one window still had room for it.
    /// </summary>
    public bool AddEngagement(DateTimeOffset timestamp, long likes, long shares, long comments)
    {
        bool accepted = false;
        foreach (var window in _windows)
        {
            accepted |= window.AddEngagement(timestamp, likes, shares, comments);
        }

        return accepted;
    }

    /// <summary>Frees buckets that have aged out of every window (see <see cref="RollingWindow.Trim"/>): a channel quiet
    /// for two minutes drops its 1-second ring, one quiet for 90 minutes its minute ring.</summary>
    public void Trim(DateTimeOffset now)
    {
        foreach (var window in _windows)
        {
            window.Trim(now);
        }
    }

    /// <summary>Sum over <paramref name="span"/> ending at <paramref name="now"/>, from <see cref="WindowFor"/>.</summary>
    public Bucket Sum(DateTimeOffset now, TimeSpan span) => WindowFor(span).Sum(now, span);

    /// <summary>The finest window whose horizon covers <paramref name="span"/>; the coarsest when none does
    /// (the sum is then truncated to that window's horizon).</summary>
    public RollingWindow WindowFor(TimeSpan span)
    {
        foreach (var window in _windows)
        {
            if (window.Horizon >= span)
            {
                return window;
            }
        }

        return _windows[^1];
    }

    /// <summary>Every window as plain data, finest first (see <see cref="RollingWindow.Export"/>).</summary>
    public RollingWindowState[] Export()
    {
        var states = new RollingWindowState[_windows.Length];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = _windows[i].Export();
        }

        return states;
    }

    /// <summary>
    /// Windows in <paramref name="layout"/>, each restored from the state with the same resolution and capacity.
    /// </summary>
    /// <remarks>A ring the saved states do not have (the layout changed between deployments) starts empty and saved rings
    /// the layout no longer has are dropped: a layout change forgets what it changed instead of failing activation.</remarks>
    /// <exception cref="ArgumentException">A matching state is inconsistent (see <see cref="RollingWindow.Restore"/>).</exception>
    public static MultiResolutionWindows Restore(WindowLayout layout, IReadOnlyList<RollingWindowState> states)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(states);
        var windows = new RollingWindow[layout.Resolutions.Count];
        for (int i = 0; i < windows.Length; i++)
        {
            var (resolution, capacity) = layout.Resolutions[i];
            var saved = states.FirstOrDefault(s => s.Resolution == resolution && s.Capacity == capacity);
            windows[i] = saved is null ? new RollingWindow(resolution, capacity) : RollingWindow.Restore(saved);
        }

        return new MultiResolutionWindows(windows);
    }

    /// <summary>The window at exactly <paramref name="resolution"/>, for series.</summary>
    /// <exception cref="ArgumentException">No window has that resolution; the message lists the available ones.</exception>
    public RollingWindow Resolution(TimeSpan resolution)
    {
        foreach (var window in _windows)
        {
            if (window.Resolution == resolution)
            {
                return window;
            }
        }

        throw new ArgumentException(
            $"No window at resolution {resolution}; available: {string.Join(", ", _windows.Select(w => w.Resolution))}.",
            nameof(resolution));
    }
}
