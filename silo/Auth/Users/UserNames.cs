using System.Text.RegularExpressions;

namespace Pulse.Silo.Auth.Users;

/// <summary>
/// Sign-in names: case-insensitive (stored lower case, so "Alice" and "alice" are one account), letters, digits and
/// <c>. _ - @</c> so e-mail addresses fit, at most <see cref="MaxLength"/>. Plain ASCII keeps look-alike names (Cyrillic
/// "а" for Latin "a") from impersonating a colleague in the audit log.
/// </summary>
public static partial class UserNames
{
    public const int MaxLength = 64;

    /// <summary>The one-time link's session; no account may take it, so the audit log never confuses the two.</summary>
    public const string Setup = "setup";

    /// <summary>The stored form of <paramref name="name"/> (trimmed, lower case); null if null or blank.</summary>
    public static string? Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    /// <summary>Null when <paramref name="normalized"/> may name a new account, else why not.</summary>
    public static string? Problem(string? normalized)
    {
        if (normalized is null || normalized.Length > MaxLength || !Allowed().IsMatch(normalized))
        {
            return $"A name is 1 to {MaxLength} letters, digits and . _ - @, starting with a letter or digit (e.g. \"alice\" or \"alice@example.com\").";
        }

        return normalized == Setup ? $"'{Setup}' is reserved for the one-time sign-in link's session." : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
