using Microsoft.Extensions.Options;
using Pulse.Grains.Brands;

namespace Pulse.Silo.Brands;

/// <summary>Adds the brands file's brands once the silo runs. Never overwrites a brand edited over the API.</summary>
internal sealed partial class BrandSeeder(
    IOptions<BrandsOptions> options,
    LoadedBrandsFile loaded,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    ILogger<BrandSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.File is not { Length: > 0 } file)
        {
            return;
        }

        var path = Resolve(file);
        var brands = loaded.Take(path);
        await WaitForStartAsync(stoppingToken);
        var added = await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).AddMissingAsync(brands);
        LogSeeded(added, brands.Length, path);
    }

    internal static string Resolve(string file) =>
        Path.IsPathRooted(file) || System.IO.File.Exists(file) ? Path.GetFullPath(file) : Path.Combine(AppContext.BaseDirectory, file);

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(started.SetResult);
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Added} of {Total} brands from {Path}")]
    private partial void LogSeeded(int added, int total, string path);
}
