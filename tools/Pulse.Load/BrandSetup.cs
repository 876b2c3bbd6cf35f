using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pulse.Load;

/// <summary>
/// Creates the generated brands that the host does not have yet (<c>--setup-brands</c>); existing ones are left alone.
/// A host with <c>POST /api/brands:import</c> takes them in batches of <see cref="ImportBatch"/>; one without it (404 or
/// 405) gets one <c>PUT /api/brands/{id}</c> each, which is slow past a few thousand brands.
/// </summary>
internal static class BrandSetup
{
    public const int ImportBatch = 5_000;

    public const string ImportPath = "/api/brands:import";

    /// <summary>The ids of the brands the host has.</summary>
    public static async Task<HashSet<string>> ExistingAsync(HttpClient http, Uri host, CancellationToken cancellationToken)
    {
        using var brands = await http.GetFromJsonAsync<JsonDocument>(new Uri(host, "/api/brands"), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /api/brands answered null");
        return [.. brands.RootElement.EnumerateArray().Select(b => b.GetProperty("id").GetString() ?? "")];
    }

    /// <returns>How many brands were created, and how (<c>import</c> or <c>put</c>).</returns>
    public static async Task<(int Created, string Method)> CreateMissingAsync(HttpClient http, Uri host, IEnumerable<LoadBrand> brands, ISet<string> existing, CancellationToken cancellationToken)
    {
        var missing = brands.Where(b => !existing.Contains(b.Id)).ToArray();
        if (missing.Length == 0)
        {
            return (0, "none");
        }

        if (await ImportAsync(http, host, missing, cancellationToken).ConfigureAwait(false))
        {
            return (missing.Length, "import");
        }

        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (brand, ct) =>
        {
            using var response = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Put, new Uri(host, $"/api/brands/{brand.Id}"))
            {
                Content = JsonContent.Create(brand.ToRequest()),
            }, ct).ConfigureAwait(false);
            await EnsureSuccessAsync(response, $"PUT /api/brands/{brand.Id}", ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return (missing.Length, "put");
    }

    /// <summary>False, having created nothing, when the host has no import endpoint.</summary>
    private static async Task<bool> ImportAsync(HttpClient http, Uri host, LoadBrand[] brands, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var batch in brands.Chunk(ImportBatch))
        {
            using var response = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(host, ImportPath))
            {
                Content = JsonContent.Create(batch.Select(b => b.ToImport())),
            }, cancellationToken).ConfigureAwait(false);
            // Only the first answer can say the endpoint is missing; later batches would have met it already.
            if (first && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                return false;
            }

            first = false;
            await EnsureSuccessAsync(response, "POST " + ImportPath, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Brand writes can outrun the host's write limit (429): wait as told and send again.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var message = request();
            var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = HttpLoadSender.RetryAfter(response);
            response.Dispose();
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{request} answered {(int)response.StatusCode}: {detail}");
        }
    }
}
