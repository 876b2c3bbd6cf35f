using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
    public async Task Healthz_answers_ok_when_the_silo_is_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
    }
}
