using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Admin;

/// <summary>An app configured with real-looking secrets, so the test can prove none of them reaches the page.</summary>
public sealed class SecretSettingsAppFactory : AsbOpsAppFactory
{
    public const string SmtpPassword = "smtp-pass-Zx81-never-shown";
    public const string StormKey = "storm-key-Qq42-never-shown";
    public const string WallboardHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public const string RedisPassword = "redis-pass-Kk07-never-shown";
    public const string OidcSecret = "oidc-secret-Ww19-never-shown";
    public const string OidcAuthority = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "mail.settings.test",
        ["Smtp:Port"] = "2525",
        ["Smtp:From"] = "asbops@settings.test",
        ["Smtp:Password"] = SmtpPassword,
        ["Redis:Configuration"] = $"redis.settings.test:6379,password={RedisPassword}",
        ["Reminders:Days:0"] = "3",
        ["Reminders:Days:1"] = "6",
        ["Compliance:VictimAssessmentHours"] = "48",
        ["ApiClients:0:Name"] = "storm",
        ["ApiClients:0:Key"] = StormKey,
        ["ApiClients:0:Scopes:0"] = "incidents:write",
        ["ApiClients:0:Scopes:1"] = "markers:read",
        ["ApiClients:1:Name"] = "wallboard",
        ["ApiClients:1:KeySha256"] = WallboardHash,
        ["ApiClients:1:Scopes:0"] = "ops:read",
        ["Authentication:Oidc:Authority"] = OidcAuthority,
        ["Authentication:Oidc:ClientId"] = "11111111-2222-3333-4444-555555555555",
        ["Authentication:Oidc:ClientSecret"] = OidcSecret,
        ["Authentication:Oidc:AreaClaim"] = "extn.asbopsArea",
    };
}

public sealed class AdminSettingsTests(SecretSettingsAppFactory app) : IClassFixture<SecretSettingsAppFactory>
{
    /// <summary>
    /// A setting from the environment, to show its source. Process-wide, so it is one no other test depends on, at its
    /// default value (a set-password link works 24 hours).
    /// </summary>
    static AdminSettingsTests() => Environment.SetEnvironmentVariable("Authentication__SetPasswordLinkHours", "24");

    [Fact]
    public async Task TheSettingsViewShowsTheEffectiveValuesButNeverASecret()
    {
        await app.AddUserAsync("settings.admin@test.local", Roles.Admin);
        using var client = await app.CreateSignedInClientAsync("settings.admin@test.local");

        using var response = await client.GetAsync("/admin/settings");
        using var clientsResponse = await client.GetAsync("/admin/api-clients");
        var html = await response.Content.ReadAsStringAsync() + await clientsResponse.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var settings = page.All("admin-setting").ToDictionary(s => s.GetAttribute("data-key")!, s => s.Children[1].Text());
        var effective = page.All("admin-effective-setting").ToDictionary(s => s.GetAttribute("data-key")!, s => (Value: s.Children[1].Text(), From: s.Children[2].Text()));
        Assert.Equal(("3, 6", "command line"), effective["Reminders:Days"]);
        Assert.Equal(("24", "default"), effective["Compliance:VictimAssessmentGraceHours"]);
        Assert.Equal(("72", "default"), effective["Compliance:ActionPlanHours"]);
        Assert.Equal(("14", "default"), effective["Compliance:ReviewCadence:High"]);
        Assert.Equal(("24", "environment"), effective["Authentication:SetPasswordLinkHours"]);
        Assert.Equal("mail.settings.test", settings["Smtp:Host"]);
        Assert.Equal("2525", settings["Smtp:Port"]);
        Assert.Equal("3, 6", settings["Reminders:Days"]);
        Assert.Equal("48", settings["Compliance:VictimAssessmentHours"]);
        Assert.Equal("set (hidden)", settings["Smtp:Password"]);
        Assert.Equal("set (hidden)", settings["Redis:Configuration"]);
        Assert.Equal(SecretSettingsAppFactory.OidcAuthority, settings["Authentication:Oidc:Authority"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", settings["Authentication:Oidc:ClientId"]);
        Assert.Equal("extn.asbopsArea", settings["Authentication:Oidc:AreaClaim"]);
        Assert.Equal("set (hidden)", settings["Authentication:Oidc:ClientSecret"]);
        Assert.StartsWith("not set", settings["Authentication:Oidc:AgencyClaim"], StringComparison.Ordinal);
        var clients = page.All("admin-api-client").Select(c => c.Text()).ToList();
        Assert.Contains(clients, c => c.StartsWith("storm incidents:write, markers:read", StringComparison.Ordinal));
        Assert.Contains(clients, c => c.StartsWith("wallboard ops:read", StringComparison.Ordinal));
        foreach (var secret in new[] { SecretSettingsAppFactory.SmtpPassword, SecretSettingsAppFactory.StormKey, SecretSettingsAppFactory.WallboardHash, SecretSettingsAppFactory.RedisPassword, SecretSettingsAppFactory.OidcSecret })
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
