using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Security;

/// <summary>Every response carries the headers that stop sniffing, framing and leaking the address to other sites.</summary>
public sealed class SecurityHeaderTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health/ready")]
    [InlineData("/api/v1/areas")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseForbidsSniffingFramingAndCrossSiteReferrers(string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
