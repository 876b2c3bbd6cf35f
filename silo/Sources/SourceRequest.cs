namespace Pulse.Silo.Sources;

/// <summary>
/// A source as clients send it (API body, or an entry of the configuration's <c>Pulse:Sources:Definitions</c>). Field names
/// are the API's: <c>kind</c>, <c>url</c>, <c>channel</c>, <c>pollSeconds</c>, <c>token</c>, <c>stream</c>.
/// </summary>
public sealed record SourceRequest(
    string? Id,
    string? Kind,
    string? Url,
    string? Channel,
    int? PollSeconds,
    string? Token,
    string? Stream);
