using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pulse.Silo.Tests.Auth;

internal static class ProblemAssert
{
    /// <summary>Asserts <paramref name="status"/> as problem+json (never a redirect or an HTML page) and returns the problem.</summary>
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
