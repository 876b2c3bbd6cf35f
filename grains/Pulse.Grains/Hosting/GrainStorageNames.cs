namespace Pulse.Grains;

/// <summary>Names of the providers Pulse's grains use; hosts register them (memory or Redis).</summary>
public static class GrainStorageNames
{
    public const string Pulse = "pulse";
}
