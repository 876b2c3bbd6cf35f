using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pulse.Silo.Hosting;

/// <summary>/healthz as JSON: the overall status and each check's (silo or cluster, and redis in cluster mode).</summary>
internal static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
