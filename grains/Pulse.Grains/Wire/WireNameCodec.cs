using System.Buffers;
using System.Text;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace Pulse.Grains.Wire;

/// <summary>
/// Orleans writes the enum as its wire name in a string field, as Pulse wrote these fields when they were strings:
/// state stored before (alerts in Redis grain storage, cluster mode) stays readable, and silos of either version read
/// each other's messages and state during a rolling upgrade. The cost, a few bytes more than a number, is paid on
/// alerts and settings, which are rare.
/// </summary>
/// <remarks>
/// <para>Reads through <see cref="StringCodec"/>, so a name stored as a reference to an equal string written before
/// (the old code shared one constant per kind and state) resolves like any string.</para>
/// <para>Writes the name inline every time, never as such a reference: an optional value goes through Orleans'
/// <c>NullableCodec</c>, which reads any reference as null. (Old state never held a sensitivity as a reference: it was
/// the root of its messages or came from a request body, a string nothing else in the state shares.) The field still
/// takes its reference id, as a string read back records one, so later references stay aligned.</para>
/// </remarks>
internal abstract class WireNameCodec<TEnum>(WireNames<TEnum> names) : IFieldCodec<TEnum>
    where TEnum : struct, Enum
{
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, TEnum value)
        where TBufferWriter : IBufferWriter<byte>
    {
        var name = names.Of(value);
        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteFieldHeaderExpected(fieldIdDelta, WireType.LengthPrefixed);
        var length = Encoding.UTF8.GetByteCount(name);
        writer.WriteVarUInt32((uint)length);
        StringCodec.WriteRaw(ref writer, name, length);
    }

    public TEnum ReadValue<TInput>(ref Reader<TInput> reader, Field field) => names.Parse(StringCodec.ReadValue(ref reader, field));
}
