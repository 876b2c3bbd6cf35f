using System.Text.Json.Serialization;

namespace Pulse.Silo.Ingest;

/// <summary>Body of the 202 answer: every item of the batch was valid and has been ingested.</summary>
internal sealed record IngestAccepted([property: JsonPropertyName("accepted")] int Accepted);
