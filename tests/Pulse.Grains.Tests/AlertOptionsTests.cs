using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Tests;

public sealed class AlertOptionsTests
{
    [Fact]
    public void A_brand_sensitivity_overrides_the_silo_default_and_null_keeps_it()
    {
        var silo = new AlertOptions { Sensitivity = Sensitivity.Normal };

        Assert.Equal(Sensitivity.High, silo.WithSensitivity(Sensitivity.High).Sensitivity);
        Assert.True(silo.WithSensitivity(Sensitivity.High).LiveSettings().SignificanceThreshold < silo.LiveSettings().SignificanceThreshold);
        Assert.Same(silo, silo.WithSensitivity(null));
        Assert.Equal(Sensitivity.Normal, silo.Sensitivity);
    }

    [Fact]
    public void Live_settings_keep_warm_up_and_refractory_in_wall_clock_time()
    {
        var options = new AlertOptions { Bucket = TimeSpan.FromSeconds(5), WarmUp = TimeSpan.FromMinutes(3), Refractory = TimeSpan.FromMinutes(15) };

        var settings = options.LiveSettings();

        Assert.Equal(36, settings.WarmUpBuckets);
        Assert.Equal(180, settings.RefractoryBuckets);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.BucketSize);
    }
}
