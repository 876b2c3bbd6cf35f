using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pulse.Sources.Text;

/// <summary>
/// Turns the HTML of a post or feed item (Mastodon content, RSS descriptions) into plain text: what a reader sees,
/// with paragraphs and line breaks as newlines and entities decoded. Scripts, styles and comments are dropped whole.
/// The result is text to be shown as text, never markup; it is still untrusted.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>Plain text of <paramref name="html"/>; at most <paramref name="maxLength"/> characters.</summary>
    public static string ToPlainText(string? html, int maxLength = 10_000)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = Parser.ParseDocument(string.Concat("<body>", html, "</body>"));
        var text = new StringBuilder(Math.Min(html.Length, maxLength));
        if (document.Body is { } body)
        {
            // Collected with slack for the newlines and spaces that tidying removes, then cut to the limit.
            Append(body, text, (2 * maxLength) + 16);
        }

        var plain = Tidy(text.ToString());
        return plain.Length <= maxLength ? plain : plain[..maxLength];
    }

    private static void Append(INode node, StringBuilder text, int maxLength)
    {
        foreach (var child in node.ChildNodes)
        {
            if (text.Length >= maxLength)
            {
                return;
            }

            switch (child)
            {
                case IText t:
                    text.Append(t.Data.AsSpan(0, Math.Min(t.Data.Length, maxLength - text.Length)));
                    break;
                case IElement e when e.LocalName is "script" or "style" or "template" or "noscript":
                    break;
                case IElement e when e.LocalName == "br":
                    text.Append('\n');
                    break;
                case IElement e:
                    var block = e.LocalName is "p" or "div" or "li" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "tr";
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Append(e, text, maxLength);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }

    /// <summary>Collapses runs of spaces, trims each line and keeps at most one blank line between paragraphs.</summary>
    private static string Tidy(string raw)
    {
        var lines = raw.Split('\n').Select(l => string.Join(' ', l.Split((char[])[' ', '\t', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        var result = new StringBuilder(raw.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.ToString();
    }
}
