namespace Pulse.Silo.Sources;

/// <summary>
/// A source URL's credentials (https://user:pass@host/feed) are write-only like its token: the API shows "***@" in their
/// place, and a PUT that sends "***@" back keeps the stored ones.
/// </summary>
public static class SourceUrls
{
    public const string Mask = "***";

    public static string Redacted(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.UserInfo.Length == 0 ? url.ToString() : new UriBuilder(url) { UserName = Mask, Password = string.Empty }.Uri.ToString();
    }

    /// <summary><paramref name="given"/>, with the stored credentials back in place of the mask.</summary>
    public static Uri KeepingCredentials(Uri given, Uri? stored)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.UserInfo != Mask || stored is not { UserInfo.Length: > 0 })
        {
            return given;
        }

        var kept = new UriBuilder(stored);
        return new UriBuilder(given) { UserName = kept.UserName, Password = kept.Password }.Uri;
    }
}
