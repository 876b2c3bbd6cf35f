namespace Pulse.Silo.Demo;

/// <summary>A post that names a brand yet is not about it; an exclusion or excluded author should drop it.</summary>
internal sealed record DemoDecoy(string Text, string Lang, string? Author = null);
