using System.Net;
using AsbOps.Web.Security;
using AsbOps.Web.Security.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Security;

/// <summary>The defaults a force gets, and how client addresses are grouped for the sign-in limit.</summary>
public sealed class SignInSettingsTests
{
    [Fact]
    public void AdministratorsAndComplianceOfficersNeedMfaByDefault()
    {
        var requirement = new MfaRequirement(Options.Create(new AsbOpsAuthenticationOptions()));

        Assert.Equal([Roles.Admin, Roles.Compliance], requirement.Roles);
        Assert.True(requirement.IsRequiredFor([Roles.Officer, Roles.Compliance]));
        Assert.False(requirement.IsRequiredFor([Roles.Officer]));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(" sergeant , inspector ", true)]
    public void TheRolesComeFromACommaSeparatedSetting(string setting, bool sergeantNeedsIt)
    {
        var requirement = new MfaRequirement(Options.Create(new AsbOpsAuthenticationOptions { RequireMfaForRoles = setting }));

        Assert.Equal(sergeantNeedsIt, requirement.IsRequiredFor([Roles.Sergeant]));
        Assert.False(requirement.IsRequiredFor([Roles.Admin]));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void FailuresCountPerIpv4AddressAndPerIpv6Slash64(string address, string key)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(key, SignInThrottle.AddressOf(context));
    }
}
