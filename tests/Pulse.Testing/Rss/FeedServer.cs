using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
namespace Pulse.Testing.Rss;

/// <summary>
/// A feed host on loopback Kestrel. By default it serves <see cref="Document"/> with an ETag and Last-Modified and
/// answers a matching If-None-Match with 304, as real feed hosts do; a test swaps <see cref="Handler"/> for anything else.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FeedServer(WebApplication app, int port)
    {
        _app = app;
        Url = new Uri($"http://127.0.0.1:{port}/feed.xml");
        Handler = ServeDocumentAsync;
    }

    public Uri Url { get; }

    /// <summary>The feed the default handler serves; null answers 404.</summary>
    public string? Document { get; set; }

    public string ContentType { get; set; } = "application/rss+xml; charset=utf-8";

    /// <summary>Handles each request, given its number (1 = first). Replaceable while the connector runs.</summary>
    public Func<HttpContext, int, Task> Handler { get; set; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static async Task<FeedServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var server = new FeedServer(app, port);
            app.Run(server.HandleAsync);
            try
            {
                await app.StartAsync();
                return server;
            }
            catch (IOException) when (attempt < 5)
            {
                // Another test process took the port between FreePort's probe and our bind.
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Writes <paramref name="xml"/> with validators derived from it, or 304 when the client already has it.</summary>
    public static async Task WriteFeedAsync(HttpContext context, string xml, string contentType, bool validators = true)
    {
        if (validators)
        {
            var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml)))[..16]}\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = "Mon, 02 Mar 2026 10:00:00 GMT";
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    public int Count(int status) => Requests.Count(r => r.Status == status);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private Task ServeDocumentAsync(HttpContext context, int number) =>
        Document is { } xml ? WriteFeedAsync(context, xml, ContentType) : Status(context, StatusCodes.Status404NotFound);

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Requests.Count + 1;
        var at = DateTimeOffset.UtcNow;
        try
        {
            await Handler(context, number);
        }
        finally
        {
            Requests.Enqueue(new SeenRequest(
                number,
                at,
                context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } inm ? inm : null,
                context.Request.Headers.IfModifiedSince.ToString() is { Length: > 0 } ims ? ims : null,
                context.Response.StatusCode));
        }
    }
}

/// <summary>One request the server answered: when, with which validators, and the status it got.</summary>
public sealed record SeenRequest(int Number, DateTimeOffset At, string? IfNoneMatch, string? IfModifiedSince, int Status);
