using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.CaseReviews;

public sealed class CaseReviewApiTests(CaseReviewApiFactory app) : IClassFixture<CaseReviewApiFactory>, IAsyncLifetime
{
    private int _areaId;

    public async Task InitializeAsync() => _areaId = (await app.AddAreaAsync(CaseReviewApiFactory.Area)).Id;

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewRef() => "PORTAL-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<int> StoredAsync(string applicantReference)
    {
        await using var db = app.CreateDbContext();
        return await db.CaseReviewApplications.CountAsync(a => a.ApplicantReference == applicantReference);
    }

    private async Task<string> IncidentAsync()
    {
        var stormRef = "LP-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using var db = app.CreateDbContext();
        new CaseBuilder(db, DateTime.UtcNow).Incident(_areaId, stormRef, postcode: "LE11 1AB", category: AsbOps.Domain.Incidents.AsbCategory.Personal);
        await db.SaveChangesAsync();
        return stormRef;
    }

    [Fact]
    public async Task AValidApplicationIsCreatedWithTheReportsItReliesOn()
    {
        using var client = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        var reference = NewRef();
        var report = await IncidentAsync();

        var response = await CaseReviewApiFactory.PostApplicationAsync(client, CaseReviewApiFactory.Application(reference, report));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var crRef = (string)body!["reference"]!;
        Assert.StartsWith("CR-", crRef, StringComparison.Ordinal);
        Assert.Equal($"/case-reviews/{crRef}", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var stored = await db.CaseReviewApplications.Include(a => a.ReliedOn).SingleAsync(a => a.ApplicantReference == reference);
        Assert.Equal("Mrs A Victim", stored.OnBehalfOf);
        Assert.Single(stored.ReliedOn);
        Assert.NotNull(stored.NextStepDueOn);
    }

    [Fact]
    public async Task TheSameBodyAgainAnswers200WithTheSameApplication()
    {
        using var client = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        var body = CaseReviewApiFactory.Application(NewRef());

        var first = await (await CaseReviewApiFactory.PostApplicationAsync(client, body)).Content.ReadFromJsonAsync<JsonObject>();
        var again = await CaseReviewApiFactory.PostApplicationAsync(client, body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((long)first!["id"]!, (long)(await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        Assert.Equal(1, await StoredAsync((string)body["applicantReference"]!));
    }

    [Fact]
    public async Task ADifferentBodyUnderAUsedReferenceIsAConflictAndChangesNothing()
    {
        using var client = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        var reference = NewRef();
        await CaseReviewApiFactory.PostApplicationAsync(client, CaseReviewApiFactory.Application(reference));
        var changed = CaseReviewApiFactory.Application(reference);
        changed["applicantName"] = "Someone Else";

        var response = await CaseReviewApiFactory.PostApplicationAsync(client, changed);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.CreateDbContext();
        Assert.Equal("Cllr Jo Example", (await db.CaseReviewApplications.SingleAsync(a => a.ApplicantReference == reference)).ApplicantName);
    }

    [Theory]
    [InlineData("applicantReference", null)]
    [InlineData("areaCode", "NOWHERE")]
    [InlineData("areaCode", null)]
    [InlineData("caseRef", "not-a-case")]
    [InlineData("caseRef", "ASB-2026-999999")]
    [InlineData("applicantKind", "neighbour")]
    [InlineData("applicantName", "")]
    [InlineData("onBehalfOf", null)]
    [InlineData("receivedVia", "pigeon")]
    [InlineData("receivedAt", "yesterday")]
    [InlineData("receivedAt", "2099-01-01T00:00:00Z")]
    [InlineData("contactEmail", "not an email")]
    [InlineData("category", "loud")]
    [InlineData("postcode", "ZZ")]
    [InlineData("account", "   ")]
    [InlineData("surprise", "field")]
    public async Task ABadFieldIsNamedAndNothingIsStored(string field, string? value)
    {
        using var client = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        var reference = NewRef();
        var body = CaseReviewApiFactory.Application(reference);
        if (value is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = value;
        }

        var response = await CaseReviewApiFactory.PostApplicationAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key).ToList());
        Assert.Equal(0, field == "applicantReference" ? 0 : await StoredAsync(reference));
    }

    [Fact]
    public async Task EveryBadFieldIsNamedAtOnce()
    {
        using var client = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        var reference = NewRef();
        var body = CaseReviewApiFactory.Application(reference, "LP-DOES-NOT-EXIST");
        body["applicantKind"] = 7;
        body["postcode"] = "nowhere";
        body["contactEmail"] = "@";

        var response = await CaseReviewApiFactory.PostApplicationAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["applicantKind", "contactEmail", "postcode", "reports"], errors.Select(e => e.Key).Order().ToList());
        Assert.Equal(0, await StoredAsync(reference));
    }

    [Fact]
    public async Task AReportThatDoesNotExistIsNamed()
    {
        using var client = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        var reference = NewRef();

        var response = await CaseReviewApiFactory.PostApplicationAsync(client, CaseReviewApiFactory.Application(reference, "LP-NO-SUCH-1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("LP-NO-SUCH-1", (string)errors["reports"]![0]!, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(reference));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(ApiAppFactory.StormKey, HttpStatusCode.Forbidden)]
    [InlineData(ApiAppFactory.WallboardKey, HttpStatusCode.Forbidden)]
    public async Task PostingNeedsAKeyWithTheCaseReviewsScope(string? key, HttpStatusCode expected)
    {
        using var client = app.ClientWithKey(key);
        var reference = NewRef();

        var response = await CaseReviewApiFactory.PostApplicationAsync(client, CaseReviewApiFactory.Application(reference));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await StoredAsync(reference));
    }

    [Fact]
    public async Task StatisticsNeedOpsReadAndAnswerTheFourFiguresExactly()
    {
        using var wallboard = app.ClientWithKey(ApiAppFactory.WallboardKey);
        using var partner = app.ClientWithKey(CaseReviewApiFactory.PartnerKey);
        const string url = "/api/v1/case-reviews/statistics?from=2021-01-01&to=2030-12-31";

        var refused = await partner.GetAsync(url);
        var response = await wallboard.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["applications", "thresholdNotMet", "reviewsCarriedOut", "reviewsWithRecommendations"], body!.Select(p => p.Key).ToList());
        Assert.All(body!, p => Assert.Equal(System.Text.Json.JsonValueKind.Number, p.Value!.GetValueKind()));
    }

    [Theory]
    [InlineData("?to=2026-12-31", "from")]
    [InlineData("?from=2026-01-01", "to")]
    [InlineData("?from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("?from=2026-12-31&to=2026-01-01", "to")]
    public async Task StatisticsNameABadDate(string query, string field)
    {
        using var wallboard = app.ClientWithKey(ApiAppFactory.WallboardKey);

        var response = await wallboard.GetAsync("/api/v1/case-reviews/statistics" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key).ToList());
    }
}
