using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

/// <summary>What a freshly migrated and seeded demo force holds.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoForceContentTests(SeededDemoForce force)
{
    private readonly DateTime _end = DemoForceAppFactory.Today.UtcDateTime.Date;

    [Fact]
    public async Task TheEightAreasEachHaveASergeantAndAnInspector()
    {
        await using var db = force.App.CreateDbContext();
        var areas = await db.Areas.ToListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id);

        Assert.Equal(["BLABY", "CHARNWOOD", "CITY", "HARBOROUGH", "HINCKLEY", "MELTON", "NWLEICS", "OADBY"], areas.Select(a => a.Code).Order());
        Assert.All(areas, a => Assert.Equal("sergeant", users[a.SergeantUserId!].PrimaryRole));
        Assert.All(areas, a => Assert.Equal("inspector", users[a.InspectorUserId!].PrimaryRole));
        Assert.All(areas, a => Assert.Equal(a.Id, users[a.SergeantUserId!].AreaId));
    }

    [Fact]
    public async Task AYearOfCasesHasAboutThreeIncidentsEachAndOneToFourPeople()
    {
        await using var db = force.App.CreateDbContext();
        var cases = await db.Cases.CountAsync();
        var caseIncidents = await db.Incidents.CountAsync(i => i.CaseId != null);
        var peoplePerCase = await db.CaseParticipants.GroupBy(p => p.CaseId).Select(g => g.Count()).ToListAsync();
        var firstOpened = await db.Cases.MinAsync(c => c.OpenedAt);
        var lastOpened = await db.Cases.MaxAsync(c => c.OpenedAt);

        Assert.InRange(cases, 4000, 4800);
        Assert.Equal(cases, force.Result.Cases);
        Assert.InRange(caseIncidents / (double)cases, 2.5, 3.5);
        Assert.Equal(cases, peoplePerCase.Count);
        Assert.All(peoplePerCase, n => Assert.InRange(n, 1, 4));
        Assert.False(await CaseStandingRefresh.Stale(db, db.Cases).AnyAsync());
        Assert.True(firstOpened >= _end.AddDays(-365) && lastOpened < _end);
    }

    [Fact]
    public async Task EveryCaseManagedIncidentWasScreenedAsCaseManagedAndSomeAwaitScreening()
    {
        await using var db = force.App.CreateDbContext();
        var screenings = await db.Incidents.Where(i => i.CaseId != null).Select(i => i.Screening).ToListAsync();
        var awaiting = await db.Incidents.CountAsync(i => i.CaseId == null && i.Screening == null);
        var screenedOut = await db.Incidents.Where(i => i.CaseId == null && i.Screening != null).Select(i => i.Screening!).ToListAsync();

        Assert.All(screenings, s => Assert.True(s!.ShouldBeCaseManaged));
        Assert.InRange(awaiting, 20, 60);
        Assert.NotEmpty(screenedOut);
        Assert.All(screenedOut, s => Assert.False(s.ShouldBeCaseManaged));
    }

    [Fact]
    public async Task EveryOpenCasesRiskLevelIsTheHighestOfItsCurrentCompleteAssessments()
    {
        await using var db = force.App.CreateDbContext();
        var open = await db.Cases.Where(c => c.Status != CaseStatus.Closed)
            .Select(c => new
            {
                c.Reference,
                c.RiskLevel,
                Highest = c.Assessments.Where(a => a.IsCurrent && a.Status == AssessmentStatus.Complete)
                    .Max(a => (RiskLevel?)a.Level) ?? RiskLevel.NotAssessed,
            })
            .ToListAsync();

        Assert.NotEmpty(open);
        Assert.All(open, c => Assert.Equal(c.Highest, c.RiskLevel));
        Assert.Contains(open, c => c.RiskLevel == RiskLevel.High);
    }

    [Fact]
    public async Task ABacklogOfMissingAssessmentsAndUnknownAnswersExists()
    {
        await using var db = force.App.CreateDbContext();
        var dayAgo = _end.AddDays(-1);
        var missing = await db.Cases
            .Where(c => c.Status != CaseStatus.Closed && c.OpenedAt < dayAgo)
            .CountAsync(c =>
                c.Participants.Any(p => (p.Role == PersonRole.Victim || p.Role == PersonRole.Perpetrator)
                    && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete))
                || (!c.Participants.Any(p => p.Role == PersonRole.Victim)
                    && !c.Assessments.Any(a => a.Kind == AssessmentKind.Location && a.IsCurrent && a.Status == AssessmentStatus.Complete)));
        var unknownAges = await db.Assessments.Where(a => a.IsCurrent && a.UnknownCount > 0).Select(a => a.CreatedAt).ToListAsync();

        Assert.InRange(missing, 1, 40);
        Assert.InRange(unknownAges.Count, 10, 100);
        Assert.All(unknownAges, at => Assert.InRange((_end - at).TotalDays, 1, 60));
    }

    [Fact]
    public async Task HighRiskOpenCasesAreFoundWithAndWithoutActionPlansAndMarkers()
    {
        await using var db = force.App.CreateDbContext();
        var high = await db.Cases.Where(c => c.Status != CaseStatus.Closed && c.RiskLevel == RiskLevel.High)
            .Select(c => new
            {
                Plan = db.ActionPlans.Any(p => p.CaseId == c.Id),
                Marker = db.Markers.Any(m => m.CaseId == c.Id && m.EndedAt == null),
                c.HighRiskSince,
            })
            .ToListAsync();

        Assert.Contains(high, c => c.Plan);
        Assert.Contains(high, c => !c.Plan);
        Assert.Contains(high, c => c.Marker);
        Assert.Contains(high, c => !c.Marker);
        Assert.All(high, c => Assert.NotNull(c.HighRiskSince));
    }

    [Fact]
    public async Task RemindersAlreadySentHaveOneDeliveredEmailPerStep()
    {
        await using var db = force.App.CreateDbContext();
        var reminders = await db.Reminders
            .Join(db.Outbox, r => r.OutboxMessageId, m => m.Id, (r, m) => new { r.AssessmentId, r.Step, m.DedupKey, m.SentAt })
            .ToListAsync();

        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.Equal($"reminder:{r.AssessmentId}:{r.Step}", r.DedupKey));
        Assert.All(reminders, r => Assert.NotNull(r.SentAt));
        Assert.Equal(reminders.Count, reminders.Select(r => (r.AssessmentId, r.Step)).Distinct().Count());
    }

    [Fact]
    public async Task TwelveWeeklySnapshotsGoBackMondayByMonday()
    {
        await using var db = force.App.CreateDbContext();
        var snapshots = await db.ComplianceSnapshots.Include(s => s.Counts).Where(s => s.IsWeekly).OrderBy(s => s.TakenAt).ToListAsync();

        Assert.Equal(12, snapshots.Count);
        Assert.All(snapshots, s => Assert.True(s.IsWeekly && s.TakenAt.DayOfWeek == DayOfWeek.Monday && s.TakenAt.Hour == 7));
        Assert.All(snapshots.Zip(snapshots.Skip(1)), p => Assert.Equal(TimeSpan.FromDays(7), p.Second.TakenAt - p.First.TakenAt));
        Assert.All(snapshots, s => Assert.InRange(s.MissingAssessments, 8, 18));
        Assert.All(snapshots, s => Assert.Equal(8 * 7, s.Counts.Count));
        Assert.True(snapshots[^1].TakenAt < _end);
    }

    [Fact]
    public async Task EachWeeklyCheckOfTheHistoryListsAsManyCasesAsItsCountsSayOpenThatMonday()
    {
        await using var db = force.App.CreateDbContext();
        var snapshots = await db.ComplianceSnapshots.Include(s => s.Counts).Include(s => s.Findings).Include(s => s.AreaTotals).Where(s => s.IsWeekly)
            .OrderBy(s => s.TakenAt).ToListAsync();
        var cases = await db.Cases.ToDictionaryAsync(c => c.Id, c => (c.OpenedAt, c.ClosedAt, c.AreaId));

        foreach (var snapshot in snapshots)
        {
            Assert.NotEmpty(snapshot.Findings);
            foreach (var count in snapshot.Counts.Where(c => c.Rule != ComplianceRule.UnknownAnswer))
            {
                Assert.Equal(count.Count, snapshot.Findings.Count(f => f.AreaId == count.AreaId && f.Rule == count.Rule));
            }

            Assert.All(snapshot.Findings, f =>
            {
                var (opened, closed, area) = cases[f.CaseId];
                Assert.True(opened < snapshot.TakenAt && (closed is null || closed > snapshot.TakenAt) && area == f.AreaId && f.Since <= snapshot.TakenAt);
            });
            Assert.Equal(snapshot.Findings.Count, snapshot.Findings.Select(f => (f.CaseId, f.Rule)).Distinct().Count());
            Assert.Equal(snapshot.Findings.Where(f => f.Rule <= ComplianceRule.PerpetratorWithoutAssessment).Select(f => f.CaseId).Distinct().Count(),
                snapshot.MissingAssessments);
            Assert.Equal(8, snapshot.AreaTotals.Count);
            Assert.Equal(snapshot.MissingAssessments, snapshot.AreaTotals.Sum(t => t.MissingAssessments));
        }

        // Findings have a life: most of a week's are still there the next week, with the day they were first seen.
        foreach (var (before, after) in snapshots.Zip(snapshots.Skip(1)))
        {
            var earlier = before.Findings.ToDictionary(f => (f.CaseId, f.Rule), f => f.Since);
            var carried = after.Findings.Where(f => earlier.ContainsKey((f.CaseId, f.Rule))).ToList();
            Assert.InRange(carried.Count, after.Findings.Count / 4, after.Findings.Count - 1);
            Assert.All(carried, f => Assert.Equal(earlier[(f.CaseId, f.Rule)], f.Since));
        }
    }

    [Fact]
    public async Task TheLoadedForceIsSweptOnceSoItsFindingsAreThereFromTheStart()
    {
        await using var db = force.App.CreateDbContext();
        var sweep = await db.ComplianceSnapshots.Include(s => s.Findings).SingleAsync(s => !s.IsWeekly);

        Assert.Equal(DemoForceAppFactory.Today.UtcDateTime, sweep.TakenAt);
        Assert.Contains(sweep.Findings, f => f.Rule == ComplianceRule.VictimWithoutAssessment);
        Assert.Equal(await db.Cases.CountAsync(c => c.Status != CaseStatus.Closed), sweep.OpenCases);
    }

    [Fact]
    public async Task ThePartnerLoginSeesAFewDozenCasesSharedWithTheLocalAuthority()
    {
        await using var db = force.App.CreateDbContext();
        var shared = await db.CaseShares.CountAsync(s => s.Agency == Domain.Referrals.Agency.LocalAuthority);
        var partner = await db.Users.SingleAsync(u => u.Email == DemoLogins.Partner);

        Assert.InRange(shared, 20, 100);
        Assert.Equal(Domain.Referrals.Agency.LocalAuthority, partner.Agency);
    }
}
