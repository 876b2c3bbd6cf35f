namespace Pulse.Silo.Auth;

/// <summary>What a caller (a person or an API key) may do. Each role but <see cref="Ingest"/> includes the one before it.</summary>
public enum PulseRole
{
    /// <summary>Read APIs and the live hub.</summary>
    Viewer,

    /// <summary>Viewer, plus acknowledging and resolving alerts and writing notes.</summary>
    Responder,

    /// <summary>Responder, plus managing brands, sources, alert settings, webhooks, keys and users.</summary>
    Admin,

    /// <summary>Only <c>POST /api/mentions</c>: for collectors, which should not read what they feed.</summary>
    Ingest,
}
