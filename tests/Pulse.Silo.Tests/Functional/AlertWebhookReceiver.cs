using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pulse.Grains.Webhooks;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>
/// A real HTTP receiver on a free loopback port: each path answers 500 to its first <c>failures</c> requests,
/// then 200, and keeps every body it was sent with the status it answered and its Idempotency-Key header.
/// "/redirect/{name}" answers 302 to "/{name}".
/// </summary>
internal sealed class AlertWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new();

    private AlertWebhookReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<(string Path, int Answered, JsonElement Body, string? Key)> Received { get; } = new();

    public static async Task<AlertWebhookReceiver> StartAsync(int failures)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder([$"--urls={baseAddress}"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new AlertWebhookReceiver(app, baseAddress);
        app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var call = receiver._calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            var status = call <= failures ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            receiver.Received.Enqueue((name, status, body.RootElement.Clone(), Key(request)));
            return Results.StatusCode(status);
        });
        app.MapPost("/redirect/{name}", async (string name, HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            receiver.Received.Enqueue(($"redirect/{name}", StatusCodes.Status302Found, body.RootElement.Clone(), Key(request)));
            return Results.Redirect(receiver.Url(name));
        });
        await app.StartAsync();
        return receiver;
    }

    private static string? Key(HttpRequest request) =>
        request.Headers.TryGetValue(WebhookIdempotency.Header, out var key) ? key.ToString() : null;

    public string Url(string name) => new Uri(BaseAddress, name).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
