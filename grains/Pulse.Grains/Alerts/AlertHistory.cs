namespace Pulse.Grains.Alerts;

/// <summary>
/// Limits of an alert's history, which every dashboard and webhook receives whole with each change. A note is a few
/// sentences for the team, not a report: 2 000 characters hold any of them, as a commit message or a ticket summary would.
/// The workflow alone bounds the history (one acknowledge, one resolve, at most nine severity rises and three facets
/// joining), so <see cref="MaxEntries"/> only guards against what a later workflow (free notes) would add.
/// </summary>
public static class AlertHistory
{
    public const int MaxNoteLength = 2000;

    /// <summary>Who acted: a name or handle, as long as a mention's author may be.</summary>
    public const int MaxByLength = 256;

    public const int MaxEntries = 100;

    /// <summary>The history with <paramref name="action"/> last; past <see cref="MaxEntries"/> the oldest entries after the first give way.</summary>
    public static AlertAction[] Append(AlertAction[] history, AlertAction action)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(action);
        if (history.Length < MaxEntries)
        {
            return [.. history, action];
        }

        // The first entry (usually the first acknowledgement) says who took the incident; keep it and the newest.
        return [history[0], .. history[(history.Length - MaxEntries + 2)..], action];
    }

    /// <summary>Why <paramref name="by"/> or <paramref name="note"/> cannot be recorded, or null when they can.</summary>
    public static (string Field, string Problem)? Check(string by, string? note)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Length > MaxByLength)
        {
            return ("by", $"'by' is {by.Length} characters long; at most {MaxByLength} are allowed.");
        }

        return note is { Length: > MaxNoteLength }
            ? ("note", $"The note is {note.Length} characters long; at most {MaxNoteLength} characters are allowed per note.")
            : null;
    }
}
