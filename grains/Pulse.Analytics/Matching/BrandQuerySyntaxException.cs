namespace Pulse.Analytics.Matching;

/// <summary>
/// A brand query that cannot be parsed. The message is meant for the user (the API returns it in
/// problem+json) and names the problem and its 1-based character <see cref="Position"/>.
/// </summary>
public sealed class BrandQuerySyntaxException : FormatException
{
    public BrandQuerySyntaxException()
    {
    }

    public BrandQuerySyntaxException(string message)
        : base(message)
    {
    }

    public BrandQuerySyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BrandQuerySyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>1-based index of the offending character in the query; 0 when not tied to one.</summary>
    public int Position { get; }
}
