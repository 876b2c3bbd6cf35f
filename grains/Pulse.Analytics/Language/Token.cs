namespace Pulse.Analytics.Language;

/// <summary>A slice of the scanned text; offsets instead of strings keep tokenising allocation-free.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
