using System.ComponentModel.DataAnnotations;

namespace Pulse.Silo.Engineers;

/// <summary>
/// Who may open the Orleans dashboard at /orleans (section "Pulse:Engineers"). With a password set, HTTP Basic
/// with <see cref="User"/> and <see cref="Password"/>; without one, only clients on this machine (loopback).
/// </summary>
public sealed class EngineersOptions
{
    public const string Section = "Pulse:Engineers";

    [Required]
    public string User { get; set; } = "engineer";

    public string? Password { get; set; }

    public bool RequiresPassword => !string.IsNullOrEmpty(Password);

    public override string ToString() => $"User={User}, Password={(RequiresPassword ? "***" : "(none: loopback only)")}";
}
