using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Pulse.Dashboard.App;

/// <summary>Serves the dashboard's browser app (embedded wwwroot) at the site root.</summary>
public static class DashboardAppExtensions
{
    /// <summary>
    /// Serves <c>/</c> as index.html, the app's modules and <c>/lib/*</c> (npm dependencies)
    /// from the files embedded at build time. Call before endpoint routing so the hub and APIs stay reachable.
    /// </summary>
    public static IApplicationBuilder UsePulseDashboardApp(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new ManifestEmbeddedFileProvider(typeof(DashboardAppExtensions).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => SetCaching(context.Context),
        });
        return app;
    }

    // The app's own files have stable names, so the browser must revalidate them (cheap: ETag)
    // or a new deployment would run stale modules; the npm builds in /lib change only with the lock file.
    private static void SetCaching(HttpContext context)
    {
        context.Response.GetTypedHeaders().CacheControl = context.Request.Path.StartsWithSegments("/lib", StringComparison.Ordinal)
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromHours(1) }
            : new CacheControlHeaderValue { NoCache = true };
    }
}
