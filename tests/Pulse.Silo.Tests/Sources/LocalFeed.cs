using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Sources;

/// <summary>
/// An RSS 2.0 feed on loopback Kestrel, with an ETag (a matching If-None-Match gets 304, as real feed hosts answer).
/// Items are added while a source polls it; the feed lists them newest first.
/// </summary>
internal sealed class LocalFeed : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<(string Guid, string Title, DateTimeOffset Published)> _items = [];
    private int _requests;

    private LocalFeed(WebApplication app, int port)
    {
        _app = app;
        Url = new Uri($"http://127.0.0.1:{port}/feed.xml");
    }

    public Uri Url { get; }

    /// <summary>How many requests the feed has answered (200 or 304).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LocalFeed> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var feed = new LocalFeed(app, port);
            app.MapGet("/feed.xml", feed.ServeAsync);
            try
            {
                await app.StartAsync();
                return feed;
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync(); // another process took the port between the probe and the bind
            }
        }
    }

    public void Add(string guid, string title)
    {
        lock (_gate)
        {
            _items.Add((guid, title, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private string Document()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Local</title><link>http://127.0.0.1/</link><description>Test feed</description>");
        lock (_gate)
        {
            foreach (var (guid, title, published) in Enumerable.Reverse(_items))
            {
                xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{SecurityElement.Escape(guid)}</guid><title>{SecurityElement.Escape(title)}</title><pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
            }
        }

        return xml.Append("</channel></rss>").ToString();
    }

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var xml = Document();
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml)))[..16]}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }
}
