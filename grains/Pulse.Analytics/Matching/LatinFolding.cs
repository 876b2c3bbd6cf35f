namespace Pulse.Analytics.Matching;

/// <summary>
/// Folding of Latin-1 Supplement and Latin Extended-A letters (U+00C0–U+017F) to lower-case ASCII.
/// A table rather than Unicode decomposition: it is allocation-free, independent of ICU
/// (the repo runs with invariant globalization) and lets German umlauts fold to their digraphs.
/// </summary>
internal static class LatinFolding
{
    public const char First = '\u00C0';
    public const char Last = '\u017F';

    // One entry per code point from U+00C0; "" for the two non-letters (× and ÷).
    private static readonly string[] Table =
    (
        // U+00C0–U+00DF: À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
        "a,a,a,a,ae,a,ae,c,e,e,e,e,i,i,i,i,d,n,o,o,o,o,oe,,o,u,u,u,ue,y,th,ss," +
        // U+00E0–U+00FF: à á â ã ä å æ ç è é ê ë ì í î ï ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
        "a,a,a,a,ae,a,ae,c,e,e,e,e,i,i,i,i,d,n,o,o,o,o,oe,,o,u,u,u,ue,y,th,y," +
        // U+0100–U+017F: Latin Extended-A, upper/lower pairs
        "a,a,a,a,a,a,c,c,c,c,c,c,c,c,d,d,d,d,e,e,e,e,e,e,e,e,e,e,g,g,g,g,g,g,g,g,h,h,h,h," +
        "i,i,i,i,i,i,i,i,i,i,ij,ij,j,j,k,k,k,l,l,l,l,l,l,l,l,l,l,n,n,n,n,n,n,n,n,n,o,o,o,o,o,o,oe,oe," +
        "r,r,r,r,r,r,s,s,s,s,s,s,s,s,t,t,t,t,t,t,u,u,u,u,u,u,u,u,u,u,u,u,w,w,y,y,y,z,z,z,z,z,z,s"
    ).Split(',');

    /// <summary>The ASCII folding of <paramref name="c"/>, which must lie in [First, Last].</summary>
    public static string Fold(char c) => Table[c - First];

    /// <summary>True for ä, ö, ü in either case: the letters with a German digraph spelling.</summary>
    public static bool IsUmlaut(char c) => c is 'ä' or 'ö' or 'ü' or 'Ä' or 'Ö' or 'Ü';
}
