using System.Text;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Tests.Ingest;

/// <summary>A fixed clock and small builders shared by the parser specifications.</summary>
internal static class IngestSamples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static MentionParseResult Parse(string body, MentionBodyFormat format, IngestOptions? options = null) =>
        new MentionBatchParser(options ?? new IngestOptions()).Parse(Encoding.UTF8.GetBytes(body), format, Now);

    public static MentionParseResult ParseJson(string body, IngestOptions? options = null) =>
        Parse(body, MentionBodyFormat.Json, options);

    public static MentionParseResult ParseNdJson(string body, IngestOptions? options = null) =>
        Parse(body, MentionBodyFormat.NdJson, options);

    /// <summary>A valid mention object; <paramref name="extra"/> is spliced in as further members.</summary>
    public static string Item(string id, string extra = "") =>
        $$"""{"id":"{{id}}","channel":"x","text":"Pulse is great"{{(extra.Length > 0 ? "," + extra : "")}}}""";

    public static IngestError SingleError(MentionParseResult result) => Assert.Single(result.Errors);
}
