namespace Pulse.Silo.Sources;

/// <summary>
/// A source as clients send it (API body, or an entry of the configuration's <c>Pulse:Sources:Definitions</c>). Field names
/// are the API's: <c>kind</c>, <c>url</c>, <c>channel</c>, <c>pollSeconds</c>, <c>token</c>, <c>stream</c>.
/// </summary>
/// <remarks>
/// Every field defaults to null: the configuration binder constructs records only when each parameter without a default
/// has a key, and it silently drops a list entry it cannot construct (an entry without a token or stream vanished).
/// </remarks>
public sealed record SourceRequest(
    string? Id = null,
    string? Kind = null,
    string? Url = null,
    string? Channel = null,
    int? PollSeconds = null,
    string? Token = null,
    string? Stream = null);
