using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;
using Pulse.Grains.Feeds;
using Pulse.Grains.Notifications;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Alerts;

/// <summary>
/// Kinds, states and sensitivities are enums in the model and strings on every wire: Orleans (stored alert state and
/// messages, readable by the code before and after they were enums) and JSON (the names in CONTRACT.md). Facets (issue 12)
/// are a new optional field: state stored before them reads, and the code before them reads state written now.
/// </summary>
public sealed class AlertWireFormatTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly AlertWhy Why = new([new TermLift("Stellwerksstörung", 12, 4.5)], [], new SentimentSplit(1, 2, 3), [new ChannelCount("x", 6)]);
    private static readonly AlertAction[] History = [new("acknowledge", "anna", At, null)];
    private static readonly WebhookDelivery[] Deliveries = [new("https://hooks.example", "json", "opened", "delivered", 1, 200, null, At)];

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(Alert).Assembly).AddAssembly(typeof(LegacyAlert).Assembly))
        .BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Alert_state_stored_before_the_enums_reads_as_them()
    {
        var legacy = Legacy();

        var state = Serializer.Deserialize<BrandAlertsState>(Serializer.SerializeToArray(legacy))!;

        Assert.Equal(
            [(AlertKind.Spike, AlertState.Open), (AlertKind.NegativeShift, AlertState.Acknowledged), (AlertKind.Spike, AlertState.Resolved), (AlertKind.Viral, AlertState.Open)],
            state.Alerts.Select(a => (a.Kind, a.State)));
        Assert.Equal(Sensitivity.High, state.Settings.Sensitivity);
        Assert.Equal(["news"], state.Settings.Channels);
        Assert.Equal(Deliveries, state.Alerts[1].Deliveries);
        Assert.Equal(7, state.NextNumber);
    }

    [Fact]
    public void The_old_code_wrote_repeated_kinds_as_references_which_read_too()
    {
        // The old code used one constant per kind and state, which Orleans writes once and refers back to after: the
        // stored bytes are shorter than with a fresh string per alert. The test above therefore read references.
        var shared = Serializer.SerializeToArray(Legacy()).Length;
        var fresh = Serializer.SerializeToArray(Legacy(fresh: true)).Length;

        Assert.True(shared < fresh, $"{shared} bytes with shared strings, {fresh} with fresh ones");
    }

    [Fact]
    public void The_old_code_reads_state_written_now()
    {
        var legacy = Serializer.Deserialize<LegacyBrandAlertsState>(Serializer.SerializeToArray(Current()))!;

        Assert.Equal(Alerts, legacy.Alerts.Select(a => (a.Kind, a.State)));
        Assert.Equal("high", legacy.Settings.Sensitivity);
        Assert.Equal(Deliveries, legacy.Alerts[1].Deliveries);
    }

    [Fact]
    public void Alert_state_stored_before_facets_reads_with_each_alert_its_own_single_facet()
    {
        var state = Serializer.Deserialize<BrandAlertsState>(Serializer.SerializeToArray(Legacy()))!;

        Assert.All(state.Alerts, a => Assert.Null(a.Facets));
        var facet = Assert.Single(state.Alerts[1].FacetsOrSelf());
        Assert.Equal((AlertKind.NegativeShift, 4, 50.0, 10.0, At, At.AddMinutes(1)), (facet.Kind, facet.Severity, facet.Value, facet.Expected, facet.FirstSeen, facet.LastSeen));
        Assert.Equal(["x"], facet.Channels);
    }

    [Fact]
    public void Facets_are_stored_and_read_back()
    {
        var state = Current();

        var read = Serializer.Deserialize<BrandAlertsState>(Serializer.SerializeToArray(state))!;

        var facets = read.Alerts[0].Facets!;
        Assert.Equal(state.Alerts[0].Facets!.Select(f => (f.Kind, f.Severity, f.Value, f.Expected, f.FirstSeen, f.LastSeen)), facets.Select(f => (f.Kind, f.Severity, f.Value, f.Expected, f.FirstSeen, f.LastSeen)));
        Assert.Equal(["x", "reddit"], facets[1].Channels);
    }

    [Fact]
    public void Names_are_written_inline_so_an_optional_sensitivity_reads_back_whatever_came_before_it()
    {
        // Orleans' NullableCodec reads any reference as null: "high" must not be written as a reference to the same
        // string instance earlier in the state (here an alert's brand name).
        var state = Current();
        state.Alerts[0] = state.Alerts[0] with { BrandName = AlertWireNames.Sensitivity.Of(Sensitivity.High) };

        var read = Serializer.Deserialize<BrandAlertsState>(Serializer.SerializeToArray(state))!;

        Assert.Equal(Sensitivity.High, read.Settings.Sensitivity);
        Assert.Equal("high", read.Alerts[0].BrandName);
        Assert.Equal([.. state.Alerts.Select(a => (a.Kind, a.State, a.Id))], read.Alerts.Select(a => (a.Kind, a.State, a.Id)));
    }

    [Fact]
    public void Signals_and_settings_cross_between_old_and_new_silos()
    {
        var signal = new AlertSignal("acme", "x", AlertKind.NegativeShift, 5, At, 0.4, 0.1, Why);
        var legacySignal = new LegacyAlertSignal("acme", "x", "negative-shift", 5, At, 0.4, 0.1, Why);

        // Why is compared apart: records compare arrays by reference.
        var received = Serializer.Deserialize<AlertSignal>(Serializer.SerializeToArray(legacySignal))!;
        var receivedByOld = Serializer.Deserialize<LegacyAlertSignal>(Serializer.SerializeToArray(signal))!;
        Assert.Equal(signal, received with { Why = Why });
        Assert.Equal(legacySignal, receivedByOld with { Why = Why });
        Assert.Equal("Stellwerksstörung", received.Why.Terms[0].Term);
        Assert.Null(Serializer.Deserialize<AlertSettings>(Serializer.SerializeToArray(new LegacyAlertSettings(null, [], 1, null, [])))!.Sensitivity);
        Assert.Equal("low", Serializer.Deserialize<LegacyAlertSettings>(Serializer.SerializeToArray(AlertSettings.Default with { Sensitivity = Sensitivity.Low }))!.Sensitivity);
    }

    [Fact]
    public void Dashboard_updates_cross_between_hosts_before_and_after_data_gaps()
    {
        var gap = new DataGap("gap:1", [new DataGapChannel("news", At, 300, null)], At, At, null, "No mentions at all from news");
        var alerts = new[] { Current().Alerts[0] };

        var fromOld = Serializer.Deserialize<DashboardUpdate>(Serializer.SerializeToArray(new LegacyDashboardUpdate([], [], alerts)))!;
        var byOld = Serializer.Deserialize<LegacyDashboardUpdate>(Serializer.SerializeToArray(new DashboardUpdate([], [], alerts, [gap])))!;
        var now = Serializer.Deserialize<DashboardUpdate>(Serializer.SerializeToArray(new DashboardUpdate([], [], alerts, [gap])))!;

        Assert.Null(fromOld.DataGaps);
        Assert.Equal("acme:1", Assert.Single(byOld.Alerts).Id);
        Assert.Equal(("gap:1", "news"), (Assert.Single(now.DataGaps!).Id, now.DataGaps![0].Channels[0].Channel));
    }

    [Fact]
    public void Copies_of_the_state_keep_the_enums()
    {
        var copier = _services.GetRequiredService<DeepCopier>();
        var state = Current();

        var copy = copier.Copy(state);

        Assert.NotSame(state, copy);
        Assert.Equal(state.Alerts, copy.Alerts);
        Assert.Equal(state.Settings, copy.Settings);
    }

    [Fact]
    public void Json_names_kinds_states_and_sensitivities_as_the_dashboard_contract_does()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AlertWireNames.AddJsonConverters(options.Converters);

        var alert = JsonSerializer.SerializeToElement(Current().Alerts[1], options);
        var facet = JsonSerializer.SerializeToElement(Current().Alerts[0], options).GetProperty("facets")[1];
        var settings = JsonSerializer.SerializeToElement(Current().Settings, options);
        var silosDefault = JsonSerializer.SerializeToElement(AlertSettings.Default, options);

        Assert.Equal(("negative-shift", "acknowledged"), (alert.GetProperty("kind").GetString(), alert.GetProperty("state").GetString()));
        Assert.Equal("high", settings.GetProperty("sensitivity").GetString());
        Assert.Equal(
            ["kind", "channels", "severity", "value", "expected", "firstSeen", "lastSeen"],
            facet.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("negative-shift", 6), (facet.GetProperty("kind").GetString(), facet.GetProperty("severity").GetInt32()));
        Assert.Equal(JsonValueKind.Null, silosDefault.GetProperty("sensitivity").ValueKind);
        Assert.Equal(AlertKind.Viral, JsonSerializer.Deserialize<AlertKind>("\"viral\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertKind>("\"Viral\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertKind>("3", options));
    }

    [Fact]
    public void Every_value_has_a_name_and_every_name_one_value()
    {
        Assert.All(Enum.GetValues<AlertKind>(), k => Assert.Equal(k, AlertWireNames.Kind.Parse(AlertWireNames.Kind.Of(k))));
        Assert.All(Enum.GetValues<AlertState>(), s => Assert.Equal(s, AlertWireNames.State.Parse(AlertWireNames.State.Of(s))));
        Assert.All(Enum.GetValues<Sensitivity>(), s => Assert.Equal(s, AlertWireNames.Sensitivity.Parse(AlertWireNames.Sensitivity.Of(s))));
        Assert.Equal("low, normal, high", AlertWireNames.Sensitivity.Known);
        Assert.False(AlertWireNames.State.TryParse("Open", out _));
    }

    private static readonly (string Kind, string State)[] Alerts = [("spike", "open"), ("negative-shift", "acknowledged"), ("spike", "resolved"), ("viral", "open")];

    private static LegacyBrandAlertsState Legacy(bool fresh = false)
    {
        var state = new LegacyBrandAlertsState { NextNumber = 7, Settings = new LegacyAlertSettings("high", ["news"], 4, null, []) };
        foreach (var (i, (kind, alertState)) in Alerts.Index())
        {
            state.Alerts.Add(new LegacyAlert(
                $"acme:{i + 1}", "acme", "Acme", ["x"], fresh ? new string(kind) : kind, 3 + i, fresh ? new string(alertState) : alertState,
                At, At.AddMinutes(i), 50, 10, "Mentions on x are 5× the expected volume.", Why, History, Deliveries));
        }

        return state;
    }

    private static BrandAlertsState Current()
    {
        var state = new BrandAlertsState { NextNumber = 7, Settings = new AlertSettings(Sensitivity.High, ["news"], 4, null, []) };
        foreach (var (i, (kind, alertState)) in Alerts.Index())
        {
            var alert = new Alert(
                $"acme:{i + 1}", "acme", "Acme", ["x"], AlertWireNames.Kind.Parse(kind), 3 + i, AlertWireNames.State.Parse(alertState),
                At, At.AddMinutes(i), 50, 10, "Mentions on x are 5× the expected volume.", Why, History, Deliveries);
            state.Alerts.Add(alert with { Facets = alert.FacetsOrSelf() });
        }

        // The first alert is an incident with two facets, the second more severe than the leading one.
        var first = state.Alerts[0];
        state.Alerts[0] = first with
        {
            Channels = ["x", "reddit"],
            Severity = 6,
            Facets = [first.Facets![0], new AlertFacet(AlertKind.NegativeShift, ["x", "reddit"], 6, 0.6, 0.1, At.AddSeconds(5), At.AddSeconds(30))],
        };
        return state;
    }
}
