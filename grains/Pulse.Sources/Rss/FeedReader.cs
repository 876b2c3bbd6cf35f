using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Pulse.Sources.Rss;

/// <summary>A parsed feed document and which format it was (RSS titles are HTML, Atom says per element).</summary>
internal sealed record ParsedFeed(SyndicationFeed Feed, bool IsAtom);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with the framework's syndication formatters over a locked-down XmlReader: no DTDs (so no
/// entity expansion bombs and no external entities), no resolver, and a character limit matching the body limit.
/// </summary>
internal static class FeedReader
{
    /// <summary>The feed in <paramref name="body"/>; throws XmlException (or another parse error) when it is not one.</summary>
    public static ParsedFeed Parse(byte[] body, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        reader.MoveToContent();

        SyndicationFeedFormatter formatter;
        var atom = false;
        var rss = new Rss20FeedFormatter { PreserveElementExtensions = true };
        if (rss.CanRead(reader))
        {
            formatter = rss;
        }
        else
        {
            var atomFormatter = new Atom10FeedFormatter { PreserveElementExtensions = true };
            if (!atomFormatter.CanRead(reader))
            {
                throw new XmlException($"<{reader.Name}> is neither RSS 2.0 nor Atom 1.0");
            }

            formatter = atomFormatter;
            atom = true;
        }

        MakeLenient(formatter);
        formatter.ReadFrom(reader);
        return new ParsedFeed(formatter.Feed, atom);
    }

    /// <summary>
    /// One item with a date like "Tuesday, 5th" or a link with a space in it must not cost the whole feed: the
    /// formatter's own parsers are tried first, then a general one, and what still fails reads as absent.
    /// </summary>
    private static void MakeLenient(SyndicationFeedFormatter formatter)
    {
        var dates = formatter.DateTimeParser;
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            if (TryStrict(dates, data, out value))
            {
                return true;
            }

            if (!DateTimeOffset.TryParse(data.DateTimeString, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
            {
                value = default; // read as "no date": the item falls back to its other date or the poll time
            }

            return true;
        };

        var uris = formatter.UriParser;
        formatter.UriParser = (XmlUriData data, out Uri? value) =>
        {
            if (TryStrict(uris, data, out value))
            {
                return true;
            }

            // Relative, absolute or nothing: a link we cannot read is dropped, the item stays.
            _ = Uri.TryCreate(data.UriString?.Trim(), UriKind.RelativeOrAbsolute, out value);
            return true;
        };
    }

    private static bool TryStrict(TryParseDateTimeCallback parse, XmlDateTimeData data, out DateTimeOffset value)
    {
        try
        {
            return parse(data, out value);
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }

    private static bool TryStrict(TryParseUriCallback parse, XmlUriData data, out Uri? value)
    {
        try
        {
            return parse(data, out value) && value is not null;
        }
        catch (UriFormatException)
        {
            value = null;
            return false;
        }
    }
}
