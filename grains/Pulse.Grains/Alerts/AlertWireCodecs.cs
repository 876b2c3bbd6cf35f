using Pulse.Analytics.Detection;
using Pulse.Grains.Wire;

namespace Pulse.Grains.Alerts;

// Orleans codecs for the alert enums: by name, as the strings these fields were (see WireNameCodec). An optional
// sensitivity goes through Orleans' NullableCodec, which uses SensitivityCodec for a value.

[RegisterSerializer]
internal sealed class AlertKindCodec() : WireNameCodec<AlertKind>(AlertWireNames.Kind);

[RegisterSerializer]
internal sealed class AlertStateCodec() : WireNameCodec<AlertState>(AlertWireNames.State);

[RegisterSerializer]
internal sealed class SensitivityCodec() : WireNameCodec<Sensitivity>(AlertWireNames.Sensitivity);
