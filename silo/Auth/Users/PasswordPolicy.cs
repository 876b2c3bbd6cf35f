namespace Pulse.Silo.Auth.Users;

/// <summary>
/// NIST SP 800-63B 5.1.1.2: length, not composition. At least <see cref="MinLength"/> characters (a passphrase of three
/// or four words passes, "Passw0rd!" does not), any characters including spaces, and no rule about digits or symbols,
/// which push people to predictable patterns. <see cref="MaxLength"/> is far above any passphrase and bounds the work one
/// request can make the hasher do.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 1024;

    /// <summary>Null when acceptable, else why not (never repeating the password).</summary>
    public static string? Problem(string? password)
    {
        // Counted in Unicode characters (runes), as the guideline counts them, not UTF-16 units.
        var length = password?.EnumerateRunes().Count() ?? 0;
        if (length < MinLength)
        {
            return $"A password has at least {MinLength} characters; a few words with spaces are fine.";
        }

        return length > MaxLength ? $"A password has at most {MaxLength} characters." : null;
    }
}
