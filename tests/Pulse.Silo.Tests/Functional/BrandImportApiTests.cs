using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pulse.Silo.Tests.Auth;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>
/// <c>POST /api/brands:import</c> over real HTTP: NDJSON or a JSON array, each brand judged alone (valid ones stored,
/// each rejected one named by line with its errors), every copy of a repeated id refused, one audit entry per import,
/// and an imported brand matched by the very next mention. Brands here are "imp-*".
/// </summary>
[Collection(PulseHostCollection.Name)]
public sealed class BrandImportApiTests(PulseHostFixture host)
{
    private const string Route = "/api/brands:import";

    [Fact]
    public async Task An_ndjson_import_stores_the_valid_brands_and_names_each_rejected_line_with_its_errors()
    {
        var body = string.Join('\n',
            """{"id":"imp-nd-a","name":"Import A","keywords":["impnda"]}""",
            "",
            """{"id":"imp-nd-b","keywords":["impndb"],"query":"(bahn"}""",
            """{"keywords":["nothing"]}""",
            """{"id":"Bad Id","keywords":["badid"]}""",
            """{"id":"imp-nd-c","keywords":5}""",
            "not json at all",
            """{"id":"imp-nd-d","hashtags":["#impndd"]}""",
            "[1]",
            """{"id":"imp-nd-e","keywords":["impnde"]} {"id":"imp-nd-f"}""");

        var response = await host.Http.PostAsync(Route, new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("replaced").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().ToArray();
        Assert.Equal([3, 4, 5, 6, 7, 9, 10], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(["imp-nd-b", null, "Bad Id", "imp-nd-c", null, null, null], rejected.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rejected, r => Assert.NotEmpty(r.GetProperty("errors").EnumerateArray()));
        Assert.Contains("Query is invalid", Errors(rejected[0]), StringComparison.Ordinal);
        Assert.Contains("'id' is required", Errors(rejected[1]), StringComparison.Ordinal);
        Assert.Contains("lower-case letters", Errors(rejected[2]), StringComparison.Ordinal);
        Assert.Contains("keywords", Errors(rejected[3]), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", Errors(rejected[4]), StringComparison.Ordinal);
        Assert.Contains("must be a JSON object", Errors(rejected[5]), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", Errors(rejected[6]), StringComparison.Ordinal); // two brands on one line

        Assert.Equal("Import A", (await host.Http.GetFromJsonAsync<JsonElement>("/api/brands/imp-nd-a")).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/brands/imp-nd-d")).StatusCode);
        foreach (var id in new[] { "imp-nd-b", "imp-nd-c", "imp-nd-e", "imp-nd-f" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/brands/{id}")).StatusCode);
        }

        var audit = await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?action=brand-import");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString() == "2 created, 0 replaced, 7 rejected");
    }

    [Fact]
    public async Task An_array_import_creates_and_replaces_as_one_answer()
    {
        var first = await ResultAsync(await host.Http.PostAsJsonAsync(Route, new[] { Brand("imp-arr-a"), Brand("imp-arr-b") }));
        var second = await ResultAsync(await host.Http.PostAsJsonAsync(Route, new object[] { new { id = "imp-arr-a", name = "Renamed", keywords = new[] { "imparra" } }, Brand("imp-arr-c") }));

        Assert.Equal((2, 0), Counts(first));
        Assert.Equal((1, 1), Counts(second));
        Assert.Empty(second.GetProperty("rejected").EnumerateArray());
        Assert.Equal("Renamed", (await host.Http.GetFromJsonAsync<JsonElement>("/api/brands/imp-arr-a")).GetProperty("name").GetString());
        var listed = (await host.Http.GetFromJsonAsync<JsonElement>("/api/brands")).EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToArray();
        Assert.Contains("imp-arr-c", listed);
    }

    [Fact]
    public async Task Every_copy_of_a_repeated_id_is_refused_and_the_rest_is_stored()
    {
        var result = await ResultAsync(await host.Http.PostAsJsonAsync(Route, new[] { Brand("imp-dup-x"), Brand("imp-dup-y"), Brand("imp-dup-x") }));

        Assert.Equal((1, 0), Counts(result));
        var rejected = result.GetProperty("rejected").EnumerateArray().ToArray();
        Assert.Equal([1, 3], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(rejected, r => Assert.Contains("occurs 2 times in this import (lines 1, 3)", Errors(r), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/brands/imp-dup-x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/brands/imp-dup-y")).StatusCode);
    }

    [Fact]
    public async Task An_import_with_no_valid_brand_is_a_400_problem_listing_each()
    {
        var response = await host.Http.PostAsJsonAsync(Route, new object[] { new { id = "imp-none-a" }, new { id = "imp-none-b", query = "NOT pie" } });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("No brand was imported", problem.GetProperty("title").GetString());
        Assert.Equal([1, 2], problem.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/brands/imp-none-a")).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_import_imports_nothing()
    {
        var broken = await host.Http.PostAsync(Route, new StringContent("""[{"id":"imp-mal-a","keywords":["impmala"]}, {""", Encoding.UTF8, "application/json"));
        var scalar = await host.Http.PostAsync(Route, new StringContent("42", Encoding.UTF8, "application/json"));
        var empty = await host.Http.PostAsync(Route, new StringContent("\n\n", Encoding.UTF8, "application/x-ndjson"));
        var text = await host.Http.PostAsync(Route, new StringContent("""{"id":"imp-mal-b"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal("Malformed request body", (await ProblemAssert.IsAsync(broken, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        Assert.Contains("not a number", (await ProblemAssert.IsAsync(scalar, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("No brands to import", (await ProblemAssert.IsAsync(empty, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        await ProblemAssert.IsAsync(text, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/brands/imp-mal-a")).StatusCode);
    }

    [Fact]
    public async Task An_imported_brand_is_matched_by_the_very_next_mention()
    {
        (await host.Http.PostAsJsonAsync(Route, new[] { Brand("imp-next") })).EnsureSuccessStatusCode();

        var ingest = await host.Http.PostAsync("/api/mentions", new StringContent("""{"id":"imp-next-1","channel":"x","text":"impnext just launched"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        var stats = await Eventually.GetAsync(
            () => host.Http.GetFromJsonAsync<JsonElement>("/api/brands/imp-next/stats?window=5m"),
            s => s.GetProperty("total").GetProperty("count").GetInt64() == 1);
        Assert.Equal(1, stats.GetProperty("total").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_brand_put_is_matched_by_the_very_next_mention()
    {
        (await host.Http.PutAsJsonAsync("/api/brands/imp-put-next", new { keywords = new[] { "impputnext" } })).EnsureSuccessStatusCode();

        var ingest = await host.Http.PostAsync("/api/mentions", new StringContent("""{"id":"imp-put-next-1","channel":"x","text":"impputnext is new"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        var stats = await Eventually.GetAsync(
            () => host.Http.GetFromJsonAsync<JsonElement>("/api/brands/imp-put-next/stats?window=5m"),
            s => s.GetProperty("total").GetProperty("count").GetInt64() == 1);
        Assert.Equal(1, stats.GetProperty("total").GetProperty("count").GetInt64());
    }

    private static object Brand(string id) => new { id, keywords = new[] { id.Replace("-", "", StringComparison.Ordinal) } };

    private static string Errors(JsonElement rejection) => string.Join(" | ", rejection.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

    private static async Task<JsonElement> ResultAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (int Created, int Replaced) Counts(JsonElement result) =>
        (result.GetProperty("created").GetInt32(), result.GetProperty("replaced").GetInt32());
}
