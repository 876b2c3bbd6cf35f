using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pulse.Silo.Cli.Load;

/// <summary>Creates the generated brands that the host does not have yet (<c>--setup-brands</c>); existing ones are left alone.</summary>
internal static class BrandSetup
{
    /// <summary>The ids of the brands the host has.</summary>
    public static async Task<HashSet<string>> ExistingAsync(HttpClient http, Uri host, CancellationToken cancellationToken)
    {
        using var brands = await http.GetFromJsonAsync<JsonDocument>(new Uri(host, "/api/brands"), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /api/brands answered null");
        return [.. brands.RootElement.EnumerateArray().Select(b => b.GetProperty("id").GetString() ?? "")];
    }

    /// <returns>How many brands were created.</returns>
    public static async Task<int> CreateMissingAsync(HttpClient http, Uri host, IEnumerable<LoadBrand> brands, ISet<string> existing, CancellationToken cancellationToken)
    {
        var missing = brands.Where(b => !existing.Contains(b.Id)).ToArray();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (brand, ct) =>
        {
            using var response = await PutAsync(http, host, brand, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw new HttpRequestException($"PUT /api/brands/{brand.Id} answered {(int)response.StatusCode}: {detail}");
            }
        }).ConfigureAwait(false);
        return missing.Length;
    }

    /// <summary>Creating a thousand brands outruns the host's write limit (429): wait as told and put the brand again.</summary>
    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, Uri host, LoadBrand brand, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await http.PutAsJsonAsync(new Uri(host, $"/api/brands/{brand.Id}"), brand.ToRequest(), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = HttpLoadSender.RetryAfter(response);
            response.Dispose();
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
