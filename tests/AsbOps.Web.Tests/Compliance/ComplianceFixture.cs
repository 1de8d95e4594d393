using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>
/// A hand-built force on a real SQLite file. Area CMPA has exactly one open case breaking each compliance rule
/// (named after the rule), compliant cases alongside and a closed case that would break every rule; area CMPB has
/// one case that breaks rules 1 and 3 at once. The numbers in <see cref="Expected"/> are counted by hand.
/// </summary>
public class ComplianceFixture : AsbOpsAppFactory, IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Now));

    public int AreaA { get; private set; }

    public int AreaB { get; private set; }

    public int GuidanceVersionId { get; private set; }

    public IReadOnlyDictionary<ComplianceRule, string> BreakingCase { get; } = new Dictionary<ComplianceRule, string>
    {
        [ComplianceRule.VictimWithoutAssessment] = "ASB-2026-000001",
        [ComplianceRule.NoVictimNoLocationAssessment] = "ASB-2026-000002",
        [ComplianceRule.PerpetratorWithoutAssessment] = "ASB-2026-000003",
        [ComplianceRule.UnknownAnswer] = "ASB-2026-000004",
        [ComplianceRule.SafeguardingWithoutReferral] = "ASB-2026-000005",
        [ComplianceRule.HighRiskWithoutPlanOrMarker] = "ASB-2026-000006",
        [ComplianceRule.ReviewOverdue] = "ASB-2026-000007",
    };

    public ComplianceQueries CreateQueries() => new(
        Services.GetRequiredService<IDbContextFactory<Web.Data.AsbOpsDbContext>>(), Clock, Options.Create(new ComplianceOptions()),
        Services.GetRequiredService<ComplianceBoard>());

    public async Task InitializeAsync()
    {
        AreaA = (await AddAreaAsync("CMPA")).Id;
        AreaB = (await AddAreaAsync("CMPB")).Id;
        var lead = await AddUserAsync("lead@test.local", Roles.Officer, AreaA, displayName: "PC Lead");
        await using var db = CreateDbContext();
        GuidanceVersionId = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        var b = new CaseBuilder(db, GuidanceVersionId, Now);

        // Rule 1: a victim waiting two days. Beside it a victim waiting two hours (inside the grace period).
        var c1 = b.Case(AreaA, "ASB-2026-000001", openedHoursAgo: 48, leadOfficerId: lead.Id);
        b.Person(c1, PersonRole.Victim);
        var young = b.Case(AreaA, "ASB-2026-000011", openedHoursAgo: 2);
        b.Person(young, PersonRole.Victim);

        // Rule 2: no victim (a witness only) and no location assessment.
        var c2 = b.Case(AreaA, "ASB-2026-000002", openedHoursAgo: 48);
        b.Person(c2, PersonRole.Witness);

        // Rule 3: the perpetrator's assessment is only a draft.
        var c3 = b.Case(AreaA, "ASB-2026-000003", level: RiskLevel.Low);
        b.Assess(c3, b.Person(c3, PersonRole.Victim, RiskLevel.Low), RiskLevel.Low);
        b.Assess(c3, b.Person(c3, PersonRole.Perpetrator), RiskLevel.NotAssessed, AssessmentStatus.Draft);

        // Rule 4: two unknown answers on the current assessment; a superseded one had another.
        var c4 = b.Case(AreaA, "ASB-2026-000004", level: RiskLevel.Medium);
        var victim4 = b.Person(c4, PersonRole.Victim, RiskLevel.Medium);
        var old = b.Assess(c4, victim4, RiskLevel.Medium, current: false, unknownCount: 1, createdDaysAgo: 9);
        b.Answer(old, "vulnerable", "unknown", 2);
        var current4 = b.Assess(c4, victim4, RiskLevel.Medium, unknownCount: 2, createdDaysAgo: 6);
        b.Answer(current4, "vulnerable", "unknown", 2);
        b.Answer(current4, "repeatVictim", "unknown", 1);
        b.Answer(current4, "targeted", "no");

        // Rule 5: a safeguarding concern whose referral form lacks the immediate actions; beside it a complete one.
        var c5 = b.Case(AreaA, "ASB-2026-000005", level: RiskLevel.Medium);
        b.Assess(c5, b.Person(c5, PersonRole.Victim, RiskLevel.Medium), RiskLevel.Medium, safeguarding: true);
        var c5ok = b.Case(AreaA, "ASB-2026-000015", level: RiskLevel.Medium);
        b.Assess(c5ok, b.Person(c5ok, PersonRole.Victim, RiskLevel.Medium), RiskLevel.Medium, safeguarding: true);

        // Rule 6: high risk for 100 hours without a plan; one with plan and marker; one high for only 10 hours.
        var c6 = b.Case(AreaA, "ASB-2026-000006", openedHoursAgo: 100, level: RiskLevel.High);
        b.Assess(c6, b.Person(c6, PersonRole.Victim, RiskLevel.High), RiskLevel.High);
        var c6ok = b.Case(AreaA, "ASB-2026-000016", openedHoursAgo: 100, level: RiskLevel.High);
        var pending = b.Assess(c6ok, b.Person(c6ok, PersonRole.Victim, RiskLevel.High), RiskLevel.High);
        pending.JudgementLevel = RiskLevel.Medium;
        pending.JudgementRationale = "Victim has moved away";
        pending.JudgementApproval = OverrideApproval.Pending;
        b.Assess(c6ok, b.Person(c6ok, PersonRole.Perpetrator, RiskLevel.High), RiskLevel.High);
        var c6young = b.Case(AreaA, "ASB-2026-000026", openedHoursAgo: 10, level: RiskLevel.High);
        b.Assess(c6young, b.Person(c6young, PersonRole.Victim, RiskLevel.High), RiskLevel.High);

        // Rule 7: review a day overdue; beside it one due in three days.
        var c7 = b.Case(AreaA, "ASB-2026-000007", level: RiskLevel.Low, nextReviewInDays: -1);
        b.Assess(c7, b.Person(c7, PersonRole.Victim, RiskLevel.Low), RiskLevel.Low);
        var due = b.Case(AreaA, "ASB-2026-000017", level: RiskLevel.Low, nextReviewInDays: 3);
        b.Assess(due, b.Person(due, PersonRole.Victim, RiskLevel.Low), RiskLevel.Low);

        // A closed case that would break every rule counts for nothing.
        var closed = b.Case(AreaA, "ASB-2026-000099", openedHoursAgo: 500, level: RiskLevel.High, status: CaseStatus.Closed, nextReviewInDays: -30);
        b.Person(closed, PersonRole.Victim, RiskLevel.High);
        b.Person(closed, PersonRole.Perpetrator);

        // Area B: one case breaking rules 1 and 3 — one case missing an assessment, not two.
        var both = b.Case(AreaB, "ASB-2026-000101", openedHoursAgo: 48);
        b.Person(both, PersonRole.Victim);
        b.Person(both, PersonRole.Perpetrator);
        await db.SaveChangesAsync();

        b.SafeguardingReferral(c5, complete: false);
        b.SafeguardingReferral(c5ok, complete: true);
        b.Marker(c6);
        b.ActionPlan(c6ok);
        b.Marker(c6ok);
        b.Marker(c6young);
        b.Marker(c6ok, active: false);
        b.Incident(AreaA, "T-AWAIT-1");
        b.Incident(AreaA, "T-AWAIT-2");
        b.Incident(AreaA, "T-SCREENED", screened: true);
        b.Incident(AreaA, "T-LINKED", linkedTo: c1, screened: true);
        b.Incident(AreaB, "T-AWAIT-B");
        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
