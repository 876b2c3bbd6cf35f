using Pulse.Analytics.Detection;
using static Pulse.Analytics.Tests.Detection.Synthetic;

namespace Pulse.Analytics.Tests.Detection;

/// <summary>A detector saved mid-stream and restored elsewhere continues exactly as the original (a failover without warm-up).</summary>
public sealed class DetectorStateTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly int ThreeDays = BucketsIn(TimeSpan.FromDays(3), FiveMinutes);

    private static byte[] Save(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static void Load(byte[] state, Action<BinaryReader> read)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        read(reader);
    }

    [Fact]
    public void ARestoredVolumeDetectorContinuesExactlyAsTheOriginal()
    {
        var settings = DetectorSettings.Default;
        var original = new VolumeAnomalyDetector(settings);
        var random = new Random(5);
        double Mean(int i) => i == ThreeDays + 30 ? 400 : 20 + (10 * Math.Sin(i / 40.0));
        for (var i = 0; i < ThreeDays; i++)
        {
            original.Observe(Start + (FiveMinutes * i), Poisson(random, Mean(i)));
        }

        var restored = new VolumeAnomalyDetector(settings);
        Load(Save(original.WriteState), restored.ReadState);

        var alerts = 0;
        for (var i = ThreeDays; i < ThreeDays + 60; i++)
        {
            var value = Poisson(random, Mean(i));
            var a = original.Observe(Start + (FiveMinutes * i), value);
            var b = restored.Observe(Start + (FiveMinutes * i), value);
            Assert.Equal(a, b);
            alerts += a.Alert ? 1 : 0;
        }

        Assert.Equal(1, alerts); // the spike 30 buckets after the restore is alerted, with no warm-up
    }

    [Fact]
    public void AFreshDetectorInsteadWouldStillBeWarmingUp()
    {
        var fresh = new VolumeAnomalyDetector(DetectorSettings.Default);
        var random = new Random(5);
        var alerts = 0;
        for (var i = 0; i < 60; i++)
        {
            alerts += fresh.Observe(Start + (FiveMinutes * i), i == 30 ? 400 : Poisson(random, 20)).Alert ? 1 : 0;
        }

        Assert.Equal(0, alerts);
    }

    [Fact]
    public void AStateSavedUnderAnotherRecordHorizonIsRefused()
    {
        var normal = new VolumeAnomalyDetector(DetectorSettings.For(Sensitivity.Normal, FiveMinutes));
        normal.Observe(Start, 10);
        var high = new VolumeAnomalyDetector(DetectorSettings.For(Sensitivity.High, FiveMinutes));

        Assert.Throws<InvalidDataException>(() => Load(Save(normal.WriteState), high.ReadState));
    }

    [Fact]
    public void AVolumeStateIsNotReadAsAnEngagementState()
    {
        var volume = new VolumeAnomalyDetector(DetectorSettings.Default);
        var engagement = new EngagementSurgeDetector(DetectorSettings.Default);

        Assert.Throws<InvalidDataException>(() => Load(Save(volume.WriteState), engagement.ReadState));
    }

    [Fact]
    public void ATruncatedStateIsRefused()
    {
        var volume = new VolumeAnomalyDetector(DetectorSettings.Default);
        volume.Observe(Start, 10);
        var state = Save(volume.WriteState);

        Assert.Throws<EndOfStreamException>(() => Load(state[..(state.Length / 2)], new VolumeAnomalyDetector(DetectorSettings.Default).ReadState));
    }

    [Fact]
    public void ARestoredShareDetectorContinuesExactlyAsTheOriginal()
    {
        var original = new ShareShiftDetector(DetectorSettings.Default);
        var random = new Random(9);
        for (var i = 0; i < ThreeDays; i++)
        {
            var total = Poisson(random, 40);
            original.Observe(Start + (FiveMinutes * i), total / 5, total);
        }

        var restored = new ShareShiftDetector(DetectorSettings.Default);
        Load(Save(original.WriteState), restored.ReadState);
        for (var i = ThreeDays; i < ThreeDays + 24; i++)
        {
            var total = Poisson(random, 40);
            var negatives = i >= ThreeDays + 6 ? total : total / 5;
            Assert.Equal(original.Observe(Start + (FiveMinutes * i), negatives, total), restored.Observe(Start + (FiveMinutes * i), negatives, total));
        }
    }
}
