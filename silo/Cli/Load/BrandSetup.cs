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
            using var response = await http.PutAsJsonAsync(new Uri(host, $"/api/brands/{brand.Id}"), brand.ToRequest(), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw new HttpRequestException($"PUT /api/brands/{brand.Id} answered {(int)response.StatusCode}: {detail}");
            }
        }).ConfigureAwait(false);
        return missing.Length;
    }
}
