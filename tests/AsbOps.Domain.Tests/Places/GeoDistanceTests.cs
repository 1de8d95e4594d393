using AsbOps.Domain.Places;

namespace AsbOps.Domain.Tests.Places;

public sealed class GeoDistanceTests
{
    [Fact]
    public void AThousandthOfADegreeOfLatitudeIsAboutAHundredAndElevenMetres()
    {
        Assert.InRange(GeoDistance.Metres(52.772, -1.206, 52.773, -1.206), 110, 112);
    }

    [Fact]
    public void LoughboroughToShepshedIsAboutSixKilometres()
    {
        Assert.InRange(GeoDistance.Metres(52.772, -1.206, 52.770, -1.294), 5_900, 6_000);
    }

    [Fact]
    public void TheBoxSpansAtLeastTheDistanceEachWay()
    {
        var (lat, lon) = GeoDistance.Span(52.772, 500);

        Assert.True(GeoDistance.Metres(52.772, -1.206, 52.772 + lat, -1.206) >= 500);
        Assert.True(GeoDistance.Metres(52.772, -1.206, 52.772, -1.206 + lon) >= 500);
    }
}
