using Pulse.Silo.Ingest;

namespace Pulse.Silo.Tests.Ingest;

public sealed class MentionContentTypesTests
{
    [Theory]
    [InlineData("application/json", MentionBodyFormat.Json)]
    [InlineData("Application/JSON; charset=utf-8", MentionBodyFormat.Json)]
    [InlineData("application/x-ndjson", MentionBodyFormat.NdJson)]
    [InlineData("application/jsonl", MentionBodyFormat.NdJson)]
    [InlineData("application/x-ndjson; charset=UTF-8", MentionBodyFormat.NdJson)]
    public void Supported_content_types_map_to_their_format(string contentType, MentionBodyFormat expected)
    {
        Assert.True(MentionContentTypes.TryGetFormat(contentType, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=utf-16")]
    public void Other_content_types_are_unsupported(string? contentType)
    {
        Assert.False(MentionContentTypes.TryGetFormat(contentType, out _));
    }
}
