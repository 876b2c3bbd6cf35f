using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Analytics.Matching;

namespace Pulse.Silo.Tests.Functional;

[Collection(PulseHostCollection.Name)]
public sealed class BrandsApiTests(PulseHostFixture host)
{
    [Fact]
    public async Task A_brand_put_is_listed_read_and_deleted()
    {
        var put = await host.Http.PutAsJsonAsync("/api/brands/crud-brand", new { name = "Crud Brand", keywords = new[] { "crud" }, exclude = new[] { "crude oil" } });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var listed = await host.Http.GetFromJsonAsync<JsonElement>("/api/brands");
        Assert.Contains(listed.EnumerateArray(), b => b.GetProperty("id").GetString() == "crud-brand");
        var read = await host.Http.GetFromJsonAsync<JsonElement>("/api/brands/crud-brand");
        Assert.Equal("Crud Brand", read.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/brands/crud-brand")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/brands/crud-brand")).StatusCode);
    }

    [Fact]
    public async Task A_query_with_a_syntax_error_is_rejected_with_its_position()
    {
        var put = await host.Http.PutAsJsonAsync("/api/brands/bad-query", new { name = "Bad", query = "(bahn OR zug" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("position", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Twenty_thousand_nested_parentheses_get_a_problem_naming_the_depth_limit_and_the_host_keeps_serving()
    {
        var query = new string('(', 20_000) + "bahn" + new string(')', 20_000);

        var put = await host.Http.PutAsJsonAsync("/api/brands/deep-query", new { name = "Deep", query });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("Query", detail, StringComparison.Ordinal);
        Assert.Contains($"depth limit of {QueryLimits.MaxDepth}", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/brands/deep-query")).StatusCode);
    }

    [Fact]
    public async Task A_query_past_the_length_limit_gets_a_problem_naming_the_length_limit()
    {
        var query = string.Join(" OR ", Enumerable.Repeat("bahn", QueryLimits.MaxLength));

        var put = await host.Http.PutAsJsonAsync("/api/brands/long-query", new { name = "Long", query });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"length limit of {QueryLimits.MaxLength}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_ok_when_the_silo_is_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
    }
}
