using System.Net;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Cases;

/// <summary>The case page as a browser first gets it: prerendered HTML over HTTP, signed in with the real login form.</summary>
public sealed class CasePageHttpTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task AnOfficerGetsTheirCasePrerenderedWithItsHooksAndOneAuditEntry()
    {
        var area = await app.AddAreaAsync("HTTPHOME");
        await app.AddUserAsync("officer.http@test.local", Roles.Officer, area.Id);
        var asbCase = await app.AddCaseAsync(area.Id, c => c.RiskLevel = RiskLevel.High,
            [new("Vera", "Victim", PersonRole.Victim, RiskLevel.High), new("Rob", "Reporter", PersonRole.ReportingPerson)]);
        using var client = await app.CreateSignedInClientAsync("officer.http@test.local");

        var response = await client.GetAsync($"/cases/{asbCase.Reference}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-testid=\"case-ref\">{asbCase.Reference}</span>", html);
        Assert.Contains("data-testid=\"case-risk-level\">High</span>", html);
        Assert.Contains("data-testid=\"person-row\" data-role=\"victim\" data-risk=\"high\"", html);
        Assert.Contains("data-testid=\"person-row\" data-role=\"reportingperson\" data-risk=\"notassessed\"", html);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.CaseId == asbCase.Id && e.EntityType == "Case"));
    }

    [Fact]
    public async Task AnUnknownReferenceGetsTheFriendlyNotFoundView()
    {
        var area = await app.AddAreaAsync("HTTPUNKNOWN");
        await app.AddUserAsync("officer.unknown@test.local", Roles.Officer, area.Id);
        using var client = await app.CreateSignedInClientAsync("officer.unknown@test.local");

        var response = await client.GetAsync("/cases/ASB-2026-999999");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No case ASB-2026-999999 — check the reference.", html);
        Assert.Contains("href=\"/cases\"", html);
    }

    [Fact]
    public async Task ACaseInAnotherAreaLooksExactlyLikeAnUnknownOne()
    {
        var home = await app.AddAreaAsync("HTTPOWN");
        var away = await app.AddAreaAsync("HTTPOTHER");
        await app.AddUserAsync("officer.other@test.local", Roles.Officer, home.Id);
        var hidden = await app.AddCaseAsync(away.Id, people: [new("Secret", "Person", PersonRole.Victim)]);
        using var client = await app.CreateSignedInClientAsync("officer.other@test.local");

        var response = await client.GetAsync($"/cases/{hidden.Reference}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"No case {hidden.Reference} — check the reference.", html);
        Assert.DoesNotContain("Secret Person", html);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.CaseId == hidden.Id && e.Action == AsbOps.Domain.Audit.AuditAction.View));
    }

    [Fact]
    public async Task TheCaseListPageAnswersASignedInPartner()
    {
        await app.AddUserAsync("partner.http@test.local", Roles.Partner, agency: AsbOps.Domain.Referrals.Agency.LocalAuthority);
        using var client = await app.CreateSignedInClientAsync("partner.http@test.local");

        var response = await client.GetAsync("/cases?risk=high&q=smith");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }
}
