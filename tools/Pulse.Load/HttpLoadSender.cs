using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pulse.Load;

/// <summary>Posts NDJSON batches to <c>/api/mentions</c> and reads how many were accepted from the answer.</summary>
internal sealed class HttpLoadSender(HttpClient http, Uri endpoint) : ILoadSender
{
    private static readonly MediaTypeHeaderValue NdJson = new("application/x-ndjson");

    private readonly LoadBatch _batch = new(jsonArray: false);

    public void Begin(DateTimeOffset timestamp) => _batch.Begin(timestamp);

    public void Add(ReadOnlySpan<char> id, PooledMention mention) => _batch.Add(id, mention);

    public async Task<SendOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var count = _batch.Count;
        using var content = new ReadOnlyMemoryContent(_batch.Complete());
        content.Headers.ContentType = NdJson;
        try
        {
            using var response = await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return new SendOutcome(AcceptedIn(body) ?? count, 0);
            }

            // A 400 still ingests the valid lines and says how many.
            var accepted = AcceptedIn(body) ?? 0;
            // 503 (ingest log down) and 429 (rate limited) both say when to come back: the workers pause until then.
            TimeSpan? retryAfter = response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests ? RetryAfter(response) : null;
            return new SendOutcome(accepted, count - accepted, $"http-{(int)response.StatusCode}", retryAfter);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(0, count, "timeout");
        }
        catch (HttpRequestException)
        {
            return new SendOutcome(0, count, "connection");
        }
    }

    internal static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.FromSeconds(1),
        };

    /// <summary>The top-level <c>accepted</c> count of a 202 or 400 answer, if there is one.</summary>
    internal static int? AcceptedIn(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAccepted = reader.ValueTextEquals("accepted"u8);
                reader.Read();
                if (isAccepted && reader.TokenType == JsonTokenType.Number)
                {
                    return reader.GetInt32();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
