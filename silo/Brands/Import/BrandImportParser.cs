using System.Globalization;
using System.Text.Json;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Brands.Import;

/// <summary>
/// Reads an import body, a JSON array of brands (or one brand) or NDJSON (one brand per line), into the brands as sent,
/// each in the shape of <c>PUT /api/brands/{id}</c>'s body plus its <c>id</c>. An item that is not a brand object (a
/// syntax error on its NDJSON line, a wrong type) is rejected alone; a JSON array that is not valid JSON as a whole
/// rejects the body. Pure: no I/O.
/// </summary>
internal sealed class BrandImportParser(JsonSerializerOptions json, int maxItems)
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> LineWhitespace => " \t\r"u8;

    public BrandImportParse Parse(ReadOnlySpan<byte> body, MentionBodyFormat format)
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        return format == MentionBodyFormat.NdJson ? ParseNdJson(body) : ParseJson(body);
    }

    private BrandImportParse ParseJson(ReadOnlySpan<byte> body)
    {
        var items = new List<BrandImportItem>();
        var rejected = new List<BrandImportRejection>();
        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    ReadItem(ref reader, 1, items, rejected);
                    break;
                case JsonTokenType.StartArray:
                    var position = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (++position > maxItems)
                        {
                            return TooMany();
                        }

                        ReadItem(ref reader, position, items, rejected);
                    }

                    break;
                default:
                    return Malformed($"The body must be a JSON array of brands (or one brand), not {MentionObjectReader.Describe(reader.TokenType)}.");
            }

            reader.Read(); // throws on anything but whitespace after the root value
        }
        catch (JsonException ex)
        {
            // A broken document has no trustworthy items: none of it is imported.
            return Malformed($"The request body is not valid JSON: {ex.Message}");
        }

        return new BrandImportParse(items, rejected);
    }

    private BrandImportParse ParseNdJson(ReadOnlySpan<byte> body)
    {
        var items = new List<BrandImportItem>();
        var rejected = new List<BrandImportRejection>();
        int count = 0, lineNumber = 0;
        var rest = body;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            line = line.Trim(LineWhitespace);
            if (line.IsEmpty)
            {
                continue;
            }

            if (++count > maxItems)
            {
                return TooMany();
            }

            var reader = new Utf8JsonReader(line);
            try
            {
                reader.Read();
                ReadItem(ref reader, lineNumber, items, rejected);
                reader.Read(); // throws on a second value or trailing garbage on the line
            }
            catch (JsonException ex)
            {
                // Only this line is lost: whatever it yielded before the syntax error is dropped.
                RemoveLast(lineNumber, items, rejected);
                rejected.Add(new BrandImportRejection(lineNumber, null, [$"Line {lineNumber} is not valid JSON: {ex.Message}"]));
            }
        }

        return new BrandImportParse(items, rejected);
    }

    /// <summary>Reads the value the reader stands on as one brand, leaving the reader on its last token.</summary>
    /// <exception cref="JsonException">The value is not valid JSON.</exception>
    private void ReadItem(ref Utf8JsonReader reader, int line, List<BrandImportItem> items, List<BrandImportRejection> rejected)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            rejected.Add(new BrandImportRejection(line, null, [$"Each brand must be a JSON object, not {MentionObjectReader.Describe(reader.TokenType)}."]));
            reader.Skip();
            return;
        }

        // A copy reads the brand; the original skips it (checking its syntax), so a field of the wrong type costs this item only.
        var start = reader;
        reader.Skip();
        var item = start;
        try
        {
            var brand = JsonSerializer.Deserialize<BrandRequest>(ref item, json);
            items.Add(new BrandImportItem(line, brand!));
        }
        catch (JsonException ex)
        {
            rejected.Add(new BrandImportRejection(line, IdOf(start), [ex.Message]));
        }
    }

    /// <summary>The string "id" of the well-formed object <paramref name="reader"/> stands on, if it has one: to name a rejected brand.</summary>
    private static string? IdOf(Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
            {
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return null; // not valid Unicode text
                }
            }

            reader.Skip();
        }

        return null;
    }

    private static void RemoveLast(int line, List<BrandImportItem> items, List<BrandImportRejection> rejected)
    {
        if (items.Count > 0 && items[^1].Line == line)
        {
            items.RemoveAt(items.Count - 1);
        }

        if (rejected.Count > 0 && rejected[^1].Line == line)
        {
            rejected.RemoveAt(rejected.Count - 1);
        }
    }

    private BrandImportParse TooMany() => new([], [], BrandImportFailure.TooManyItems,
        string.Create(CultureInfo.InvariantCulture, $"The import has more than {maxItems} brands; the limit is {maxItems} per request, so split it."));

    private static BrandImportParse Malformed(string detail) => new([], [], BrandImportFailure.MalformedBody, detail);
}
