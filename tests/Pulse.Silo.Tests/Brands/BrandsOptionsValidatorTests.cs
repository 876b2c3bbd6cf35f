using Pulse.Analytics.Matching;
using Pulse.Silo.Brands;

namespace Pulse.Silo.Tests.Brands;

/// <summary>A configured brands file is checked at start-up: a bad brand fails validation with a message, not the process.</summary>
public sealed class BrandsOptionsValidatorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pulse-brands-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_query_past_the_depth_limit_fails_start_up_validation_naming_the_brand_and_the_limit()
    {
        File.WriteAllText(_path, $$"""[{ "id": "deep", "query": "{{new string('(', 20_000)}}bahn{{new string(')', 20_000)}}" }]""");

        var result = new BrandsOptionsValidator().Validate(null, new BrandsOptions { File = _path });

        Assert.True(result.Failed);
        Assert.Contains("brand 'deep'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains($"depth limit of {QueryLimits.MaxDepth}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_passes()
    {
        File.WriteAllText(_path, """[{ "id": "db", "query": "(zug OR bahnhof) AND NOT modellbahn" }]""");

        Assert.True(new BrandsOptionsValidator().Validate(null, new BrandsOptions { File = _path }).Succeeded);
    }

    [Fact]
    public void A_missing_file_fails()
    {
        Assert.True(new BrandsOptionsValidator().Validate(null, new BrandsOptions { File = _path }).Failed);
    }

    [Fact]
    public void No_file_configured_passes()
    {
        Assert.True(new BrandsOptionsValidator().Validate(null, new BrandsOptions()).Succeeded);
    }
}
