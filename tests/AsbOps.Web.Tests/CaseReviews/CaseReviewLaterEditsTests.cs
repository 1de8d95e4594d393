using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>
/// What an application learns after it is logged: when the behaviour of a report relied on happened (the one-month
/// rule), and the case it is about; and what "the same locality" means for the locality limb.
/// </summary>
public sealed class CaseReviewLaterEditsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(Now));
    private CaseReviewWorld _world = default!;

    public async Task InitializeAsync() => _world = await CaseReviewWorld.CreateAsync(_app, "LATER");

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private DateTime Ago(int days) => Now.UtcDateTime.AddDays(-days);

    private Task<CaseReviewDetail?> DetailAsync(string reference) => _app.Get<CaseReviewQueries>().GetAsync(_world.Inspector, reference);

    /// <summary>A case with three reports by the victim (100, 40 and 5 days ago); the application relies on all three.</summary>
    private async Task<(string CaseRef, string Application, Dictionary<string, long> Reports)> ThreeReportsAsync(string prefix)
    {
        var ids = new Dictionary<string, long>();
        string caseRef;
        await using (var db = _app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now.UtcDateTime);
            var c = b.Case(_world.AreaId, leadOfficerId: _world.Officer.UserId, postcode: "LE11 1AA");
            await db.SaveChangesAsync();
            var incidents = new[] { ("B", 100), ("C", 40), ("D", 5) }
                .Select(x => (x.Item1, b.Incident(_world.AreaId, $"{prefix}-{x.Item1}", c, receivedAt: Ago(x.Item2), postcode: "LE11 1AB",
                    category: AsbCategory.Personal, with: i => i.ReporterPhone = "07700 900123")))
                .ToList();
            await db.SaveChangesAsync();
            foreach (var (suffix, incident) in incidents)
            {
                ids[suffix] = incident.Id;
            }

            caseRef = c.Reference;
        }

        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer,
            _world.Input(Now.UtcDateTime, caseRef, $"{prefix}-B {prefix}-C {prefix}-D"));
        Assert.Equal(LogOutcome.Created, logged.Outcome);
        return (caseRef, logged.Reference!, ids);
    }

    [Fact]
    public async Task AReportMadeMoreThanAMonthAfterTheBehaviourDoesNotCountAndSaysWhy()
    {
        var (_, reference, reports) = await ThreeReportsAsync("LATE");
        var before = await DetailAsync(reference);
        Assert.Equal(3, before!.Threshold.SameMatterCount);

        // The report made 40 days ago describes behaviour 45 days before it.
        var saved = await _app.Get<CaseReviewSteps>().SetBehaviourDateAsync(_world.Officer, before.Id, before.Version,
            new BehaviourDateInput { IncidentId = reports["C"], On = Ago(85) });

        Assert.True(saved.Succeeded, saved.Message);
        var after = await DetailAsync(reference);
        Assert.Equal(2, after!.Threshold.SameMatterCount);
        Assert.False(after.Threshold.SameMatterMet);
        var late = after.Threshold.Reports.Single(r => r.IncidentId == reports["C"]);
        Assert.False(late.CountsForMatter);
        Assert.Equal(DateOnly.FromDateTime(Ago(85)), late.BehaviourOn);
        Assert.Contains("Reported more than a month after the behaviour", late.Explanation, StringComparison.Ordinal);
        Assert.Null(after.Threshold.Reports.Single(r => r.IncidentId == reports["B"]).BehaviourOn);
        await using var db = _app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CaseReviewReliedReport) && e.Changes != null && e.Changes.Contains("BehaviourOn")));
    }

    [Fact]
    public async Task ABehaviourDateAfterTheReportOrForAReportNotReliedOnIsRefusedFieldByFieldAndNothingIsSaved()
    {
        var (_, reference, reports) = await ThreeReportsAsync("BADDATE");
        var detail = await DetailAsync(reference);
        var steps = _app.Get<CaseReviewSteps>();

        var afterReport = await steps.SetBehaviourDateAsync(_world.Officer, detail!.Id, detail.Version,
            new BehaviourDateInput { IncidentId = reports["C"], On = Ago(10) });
        var notRelied = await steps.SetBehaviourDateAsync(_world.Officer, detail.Id, detail.Version,
            new BehaviourDateInput { IncidentId = 999_999, On = Ago(50) });
        var stale = await steps.SetBehaviourDateAsync(_world.Officer, detail.Id, detail.Version - 1,
            new BehaviourDateInput { IncidentId = reports["C"], On = Ago(60) });

        Assert.Equal(nameof(BehaviourDateInput.On), Assert.Single(afterReport.Errors).Key);
        Assert.Contains("after the report was made", afterReport.Errors[nameof(BehaviourDateInput.On)], StringComparison.Ordinal);
        Assert.Equal(nameof(BehaviourDateInput.IncidentId), Assert.Single(notRelied.Errors).Key);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        await using var db = _app.CreateDbContext();
        Assert.False(await db.CaseReviewReliedReports.AnyAsync(r => r.BehaviourOn != null));
    }

    [Fact]
    public async Task TwoEditsFromTheSameVersionConflictEvenWhenOnlyAReportRowChanges()
    {
        var (_, reference, reports) = await ThreeReportsAsync("TWICE");
        var detail = await DetailAsync(reference);
        var steps = _app.Get<CaseReviewSteps>();

        var first = await steps.SetBehaviourDateAsync(_world.Officer, detail!.Id, detail.Version,
            new BehaviourDateInput { IncidentId = reports["B"], On = Ago(101) });
        var second = await steps.SetBehaviourDateAsync(_world.Officer, detail.Id, detail.Version,
            new BehaviourDateInput { IncidentId = reports["B"], On = Ago(160) });

        Assert.True(first.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, second.Outcome);
        var after = await DetailAsync(reference);
        Assert.Equal(DateOnly.FromDateTime(Ago(101)), after!.Threshold.Reports.Single(r => r.IncidentId == reports["B"]).BehaviourOn);
    }

    [Fact]
    public async Task AnApplicationIsLinkedToACaseAfterItIsLoggedAndTheLinkMayChangeAudited()
    {
        string first, second, elsewhere;
        await using (var db = _app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now.UtcDateTime);
            var other = await _app.AddAreaAsync("LATEROTHER");
            var c1 = b.Case(_world.AreaId, leadOfficerId: _world.Officer.UserId);
            var c2 = b.Case(_world.AreaId, leadOfficerId: _world.Officer.UserId);
            var c3 = b.Case(other.Id);
            await db.SaveChangesAsync();
            (first, second, elsewhere) = (c1.Reference, c2.Reference, c3.Reference);
        }

        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime));
        var steps = _app.Get<CaseReviewSteps>();
        var unlinked = await DetailAsync(logged.Reference!);
        Assert.Null(unlinked!.CaseRef);

        var notACase = await steps.LinkCaseAsync(_world.Officer, unlinked.Id, unlinked.Version, new CaseLinkInput { CaseRef = "nonsense" });
        var otherArea = await steps.LinkCaseAsync(_world.Officer, unlinked.Id, unlinked.Version, new CaseLinkInput { CaseRef = elsewhere });
        var linked = await steps.LinkCaseAsync(_world.Officer, unlinked.Id, unlinked.Version, new CaseLinkInput { CaseRef = first.ToLowerInvariant() });
        var stale = await steps.LinkCaseAsync(_world.Officer, unlinked.Id, unlinked.Version, new CaseLinkInput { CaseRef = second });
        var current = await DetailAsync(logged.Reference!);
        var changed = await steps.LinkCaseAsync(_world.Officer, current!.Id, current.Version, new CaseLinkInput { CaseRef = second });

        Assert.Equal(nameof(CaseLinkInput.CaseRef), Assert.Single(notACase.Errors).Key);
        Assert.Contains("No case", otherArea.Errors[nameof(CaseLinkInput.CaseRef)], StringComparison.Ordinal);
        Assert.True(linked.Succeeded);
        Assert.Equal(first, current.CaseRef);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.True(changed.Succeeded);
        Assert.Equal(second, (await DetailAsync(logged.Reference!))!.CaseRef);
        await using var check = _app.CreateDbContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.Action == AuditAction.Update && e.EntityType == nameof(CaseReviewApplication)
            && e.EntityId == current.Id.ToString()
            && e.Changes != null && e.Changes.Contains("CaseId")));
    }

    [Fact]
    public async Task TheLocalityIsWithinTheSetDistanceOfTheReportsReliedOnWhenTheyAreOnTheMap()
    {
        // The report relied on is at the centre; four others within 300 m, one 900 m off in the same sector.
        const double lat = 52.7700, lon = -1.2000;
        await using (var db = _app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now.UtcDateTime);
            var offsets = new (string Ref, double North, string Phone)[]
            {
                ("NEAR-0", 0, "07700 900001"), ("NEAR-1", 100, "07700 900002"), ("NEAR-2", 150, "07700 900003"),
                ("NEAR-3", 250, "07700 900004"), ("NEAR-4", 300, "07700 900005"), ("FAR-5", 900, "07700 900006"),
            };
            foreach (var (reference, north, phone) in offsets)
            {
                b.Incident(_world.AreaId, reference, receivedAt: Ago(20), postcode: "LE11 3AB", category: AsbCategory.Personal, with: i =>
                {
                    i.ReporterPhone = phone;
                    (i.Latitude, i.Longitude) = (lat + (north / 111_195.0), lon);
                });
            }

            await db.SaveChangesAsync();
        }

        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime, reports: "NEAR-0"));
        var detail = await DetailAsync(logged.Reference!);

        Assert.Equal(5, detail!.Threshold.IndividualsCount);
        Assert.True(detail.Threshold.LocalityMet);
        Assert.Contains("within 500 m of NEAR-0", detail.Threshold.LocalityRule, StringComparison.Ordinal);
        var far = detail.Threshold.Reports.Single(r => r.Reference == "FAR-5");
        Assert.False(far.CountsForLocality);
        Assert.Contains("In another locality (900 m away)", far.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAMapLocationTheLocalityIsThePostcodeSectorNotTheDistrict()
    {
        await using (var db = _app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now.UtcDateTime);
            var places = new[] { "LE11 1AB", "LE11 1BD", "LE11 1ZZ", "LE11 1QP", "LE11 4AA", "LE11 3XY" };
            for (var n = 0; n < places.Length; n++)
            {
                var phone = $"07700 90010{n}";
                b.Incident(_world.AreaId, $"SECTOR-{n}", receivedAt: Ago(30), postcode: places[n], category: AsbCategory.Personal,
                    with: i => i.ReporterPhone = phone);
            }

            await db.SaveChangesAsync();
        }

        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime));
        var detail = await DetailAsync(logged.Reference!);

        Assert.Equal("the same postcode sector (LE11 1): no report relied on or of the case carries a map location", detail!.Threshold.LocalityRule);
        Assert.Equal(4, detail.Threshold.IndividualsCount);
        Assert.False(detail.Threshold.LocalityMet);
        Assert.DoesNotContain(detail.Threshold.Reports, r => r.Reference == "SECTOR-4" && r.CountsForLocality);
        Assert.DoesNotContain(detail.Threshold.Reports, r => r.Reference == "SECTOR-5");
    }
}
