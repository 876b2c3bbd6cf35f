namespace Pulse.Analytics.Detection;

/// <summary>
/// Reading and writing a detector's state (its baseline, records and incident), so a grain's checkpoint can carry it
/// and a detector survives a failover without a new warm-up. Plain binary, no serializer: the analytics stay free of
/// Orleans. A state saved under other settings (other array sizes, another format) is refused, never misread.
/// </summary>
public static class DetectorState
{
    /// <summary>Format of the state; bump it when a field is added or its meaning changes.</summary>
    public const byte Version = 1;

    internal static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    internal static void ReadFloats(BinaryReader reader, float[] into)
    {
        Expect(reader.ReadInt32() == into.Length, "array length");
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = reader.ReadSingle();
        }
    }

    internal static void Header(BinaryWriter writer, byte kind)
    {
        writer.Write(Version);
        writer.Write(kind);
    }

    internal static void ExpectHeader(BinaryReader reader, byte kind)
    {
        Expect(reader.ReadByte() == Version, "version");
        Expect(reader.ReadByte() == kind, "detector kind");
    }

    internal static void Expect(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"The saved detector state does not match these settings ({what}).");
        }
    }
}
