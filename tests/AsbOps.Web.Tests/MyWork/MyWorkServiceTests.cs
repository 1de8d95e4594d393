using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.MyWork;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.MyWork;

/// <summary>What is due on an officer's own cases, most urgent first; a sergeant's area, grouped by officer.</summary>
public sealed class MyWorkServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(Now));
    private int _areaId;
    private UserScope _alpha = default!, _sergeant = default!, _otherSergeant = default!;
    private string _highRef = "", _mediumRef = "", _bravoRef = "";
    private long _unassessedVictim, _perpetrator;

    public async Task InitializeAsync()
    {
        var area = await _app.AddAreaAsync("WORK");
        var other = await _app.AddAreaAsync("ELSEWHERE");
        _areaId = area.Id;
        var a = await _app.AddUserAsync("pc.alpha@test.local", Roles.Officer, area.Id, displayName: "PC Alpha");
        var b = await _app.AddUserAsync("pc.bravo@test.local", Roles.Officer, area.Id, displayName: "PC Bravo");
        var s = await _app.AddUserAsync("ps.sierra@test.local", Roles.Sergeant, area.Id, displayName: "PS Sierra");
        var t = await _app.AddUserAsync("ps.tango@test.local", Roles.Sergeant, other.Id, displayName: "PS Tango");
        _alpha = new UserScope(a.Id, "PC Alpha", Roles.Officer, area.Id, null);
        _sergeant = new UserScope(s.Id, "PS Sierra", Roles.Sergeant, area.Id, null);
        _otherSergeant = new UserScope(t.Id, "PS Tango", Roles.Sergeant, other.Id, null);

        var now = Now.UtcDateTime;
        await using var db = _app.CreateDbContext();
        var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        var build = new CaseBuilder(db, guidance, now);
        // High risk for 80 hours without a plan (due at 72), and a victim added two days ago never assessed (due at 24).
        var high = build.Case(area.Id, level: RiskLevel.High, openedHoursAgo: 80, leadOfficerId: a.Id, nextReviewInDays: 30);
        var victim = build.Person(high, PersonRole.Victim, addedAt: now.AddHours(-48), firstName: "Vera", lastName: "Victim");
        // Medium: review in three days; a perpetrator assessed with two unknown answers (one reminder sent); a victim
        // assessed whose agreed contact was due two days ago.
        var medium = build.Case(area.Id, level: RiskLevel.Medium, leadOfficerId: a.Id, nextReviewInDays: 3);
        var perpetrator = build.Person(medium, PersonRole.Perpetrator, firstName: "Paul", lastName: "Perp");
        var contacted = build.Person(medium, PersonRole.Victim, level: RiskLevel.Medium, firstName: "Cara", lastName: "Contact");
        var unknowns = build.Assess(medium, perpetrator, RiskLevel.Medium, unknownCount: 2);
        build.Assess(medium, contacted, RiskLevel.Medium);
        // PC Bravo's case and a closed case of PC Alpha's are not PC Alpha's work.
        var bravo = build.Case(area.Id, leadOfficerId: b.Id);
        build.Person(bravo, PersonRole.Victim, addedAt: now.AddHours(-30));
        var closed = build.Case(area.Id, status: CaseStatus.Closed, leadOfficerId: a.Id);
        build.Person(closed, PersonRole.Victim);
        await db.SaveChangesAsync();

        db.Reminders.Add(new Reminder { AssessmentId = unknowns.Id, CaseId = medium.Id, Step = 1, DueAt = now.AddDays(-1), QueuedAt = now.AddDays(-1), RecipientUserId = a.Id });
        db.VictimContactPlans.Add(new VictimContactPlan { CaseId = medium.Id, CaseParticipantId = contacted.Id, NextContactDue = now.AddDays(-2) });
        db.FindingLives.Add(new FindingLife
        {
            CaseId = high.Id,
            AreaId = area.Id,
            Rule = ComplianceRule.VictimWithoutAssessment,
            ParticipantId = victim.Id,
            FirstSeenAt = now.AddHours(-20),
            LastSeenAt = now,
            OwnerUserId = a.Id,
        });
        db.FindingLives.Add(new FindingLife
        {
            CaseId = medium.Id,
            AreaId = area.Id,
            Rule = ComplianceRule.VictimWithoutAssessment,
            ParticipantId = contacted.Id,
            FirstSeenAt = now.AddDays(-9),
            LastSeenAt = now.AddDays(-5),
            PutRightAt = now.AddDays(-5),
            OwnerUserId = a.Id,
        });
        await db.SaveChangesAsync();

        (_highRef, _mediumRef, _bravoRef) = (high.Reference, medium.Reference, bravo.Reference);
        (_unassessedVictim, _perpetrator) = (victim.Id, perpetrator.Id);
    }

    private async Task<IReadOnlyList<OfficerWork>> WorkOfAsync(UserScope user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MyWorkService>().ForAsync(user);
    }

    [Fact]
    public async Task AnOfficerSeesWhatIsDueOnTheirOwnOpenCasesMostUrgentFirstEachLinkedToWhereItIsDone()
    {
        var work = Assert.Single(await WorkOfAsync(_alpha));
        var items = work.Items;

        Assert.Equal("PC Alpha", work.OfficerName);
        Assert.DoesNotContain(items, i => i.CaseReference == _bravoRef);
        Assert.Equal(
            [
                (DueKind.VictimContactDue, _mediumRef, true, $"/cases/{_mediumRef}#victim-contacts"),
                (DueKind.PersonNotAssessed, _highRef, true, $"/cases/{_highRef}/people/{_unassessedVictim}/assessment"),
                (DueKind.ComplianceFinding, _highRef, true, $"/cases/{_highRef}"),
                (DueKind.ActionPlanDue, _highRef, true, $"/cases/{_highRef}/plan"),
                (DueKind.UnknownAnswers, _mediumRef, true, $"/cases/{_mediumRef}/people/{_perpetrator}/assessment"),
                (DueKind.ReviewDue, _mediumRef, false, $"/cases/{_mediumRef}"),
            ],
            items.Select(i => (i.Kind, i.CaseReference, i.Overdue, i.Href)));
        Assert.Equal("Find out 2 unknown answers for Paul Perp (1 reminder sent)", items.Single(i => i.Kind == DueKind.UnknownAnswers).What);
        Assert.Equal("Assess Vera Victim (victim)", items.Single(i => i.Kind == DueKind.PersonNotAssessed).What);
    }

    [Fact]
    public async Task ASergeantSeesTheAreasOfficersWorkGroupedByOfficerAndNothingOfAnotherArea()
    {
        var work = await WorkOfAsync(_sergeant);

        Assert.Equal(["PC Alpha", "PC Bravo"], work.Select(w => w.OfficerName));
        Assert.Equal(6, work[0].Items.Count);
        var bravo = Assert.Single(work[1].Items);
        Assert.Equal((DueKind.PersonNotAssessed, _bravoRef, true), (bravo.Kind, bravo.CaseReference, bravo.Overdue));
        Assert.Empty(await WorkOfAsync(_otherSergeant));
    }

    [Fact]
    public void TheSergeantsAndOfficersStartPageIsMyWork()
    {
        Assert.Equal("/my-work", HomePages.For(Principal(Roles.Officer)));
        Assert.Equal("/my-work", HomePages.For(Principal(Roles.Sergeant)));
        Assert.Equal("/", HomePages.For(Principal(Roles.Inspector)));
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string role) =>
        new(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Role, role)], "test"));

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
