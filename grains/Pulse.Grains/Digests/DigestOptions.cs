using System.ComponentModel.DataAnnotations;

namespace Pulse.Grains.Digests;

/// <summary>
/// When brands' weekly digests go out (section "Pulse:Digests", validated at start): on <see cref="Weekday"/> at
/// <see cref="Hour"/> o'clock in <see cref="TimeZone"/>, covering the seven local days before that weekday's midnight.
/// Monday 08:00 in Berlin by default: the first teams are German marketing teams, who read it as their week starts.
/// </summary>
public sealed class DigestOptions
{
    public const string Section = "Pulse:Digests";

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

    [Range(0, 23)]
    public int Hour { get; set; } = 8;

    /// <summary>An IANA id; the week's boundaries and the hour are local to it, clock changes included.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Berlin";
}
