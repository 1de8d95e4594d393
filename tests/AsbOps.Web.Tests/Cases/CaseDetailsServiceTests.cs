using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Cases;

/// <summary>The read-only case page's data on the real SQLite file, with a fixed clock.</summary>
public sealed class CaseDetailsServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static int _areas;
    private readonly FakeTimeProvider _clock = new(Now);

    private static UserScope Officer(int areaId) => new("officer-id", "officer@test.local", Roles.Officer, areaId, null);

    private static UserScope Partner(Agency agency) => new("partner-id", "partner@test.local", Roles.Partner, null, agency);

    private CaseDetailsService CreateService()
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();
        return new CaseDetailsService(dbFactory, new AuditTrail(dbFactory, _clock), _clock, new RepeatThresholds());
    }

    private Task<AsbOps.Domain.Areas.Area> NewAreaAsync() => app.AddAreaAsync($"DET{Interlocked.Increment(ref _areas)}");

    [Fact]
    public async Task ACaseReadsWithItsPeopleIncidentsPlanReferralsMarkersAndReminders()
    {
        var area = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(area.Id, c =>
            {
                c.RiskLevel = RiskLevel.High;
                c.NextReviewDue = Now.AddDays(-2);
                c.CommunityTrigger = true;
            },
            [new("Vera", "Victim", PersonRole.Victim, RiskLevel.High), new("Rita", "Reporter", PersonRole.ReportingPerson)]);
        await using (var db = app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now);
            b.Incident(area.Id, "LP-" + asbCase.Reference, asbCase, receivedAt: Now.AddDays(-20), address: "1 Test Street", postcode: "LE11 1AA",
                description: "Door kicked", category: AsbCategory.Personal, with: i =>
                {
                    i.Thrive = new ThriveAssessment { Threat = "Threat of violence", Grade = ThriveGrade.Priority };
                    i.Screening = new VictorEScreening
                    {
                        ScreenedByUserId = "u",
                        HarassmentAlarmDistress = true,
                        Vulnerable = true,
                        Hate = true,
                        ScreenedAt = Now.AddDays(-19),
                    };
                });
            b.ActionPlan(asbCase, createdBy: "u", objective: "Stop the abuse", createdAt: Now.AddDays(-10)).Actions =
            [
                new ActionItem { Type = ActionType.Visit, Description = "Visit", OwnerName = "PC One", DueDate = new DateOnly(2026, 11, 20) },
                new ActionItem { Type = ActionType.WarningLetter, Description = "Letter", OwnerName = "PC One", DueDate = new DateOnly(2026, 11, 20), Status = ActionStatus.Done },
            ];
            var tenancy = b.Referral(asbCase, Agency.Housing, "Tenancy", createdBy: "u", sentAt: Now.AddDays(-5));
            tenancy.IsSafeguarding = true;
            tenancy.SafeguardingConcerns = "Elderly, alone";
            b.Marker(asbCase, subject: "1 Test Street");
            b.Marker(asbCase, active: false, type: MarkerSubjectType.Person, subject: "Old Subject", placedAt: Now.AddDays(-30), endedAt: Now.AddDays(-25),
                endReason: "Risk fell below high");
            await db.SaveChangesAsync();
        }

        var details = await CreateService().GetAsync(Officer(area.Id), asbCase.Reference.ToLowerInvariant());

        Assert.NotNull(details);
        Assert.Equal(asbCase.Reference, details.Reference);
        Assert.Equal(RiskLevel.High, details.RiskLevel);
        Assert.True(details.ReviewOverdue);
        Assert.True(details.CommunityTrigger);
        Assert.Equal([(PersonRole.Victim, RiskLevel.High), (PersonRole.ReportingPerson, RiskLevel.NotAssessed)],
            details.People.Select(p => (p.Role, p.RiskLevel)));
        var incidentView = Assert.Single(details.Incidents);
        Assert.Equal("V E", incidentView.Screening?.Letters);
        Assert.True(incidentView.Screening?.ShouldBeCaseManaged);
        Assert.Equal("Threat of violence", incidentView.Thrive.Threat);
        Assert.Equal([true, false], details.ActionPlan!.Actions.Select(a => a.IsOverdue));
        var referral = Assert.Single(details.Referrals);
        Assert.False(referral.IsComplete);
        Assert.Equal("1 Test Street", Assert.Single(details.ActiveMarkers).Subject);
        Assert.Equal("Risk fell below high", Assert.Single(details.EndedMarkers).EndReason);
        Assert.True(details.ShowsInternalDetail);
    }

    [Fact]
    public async Task AnswersReadInTheWordsOfTheAssessmentsOwnGuidanceVersion()
    {
        var area = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(area.Id, people: [new("Olga", "Older", PersonRole.Victim, RiskLevel.Medium)]);
        int v2Id;
        await using (var db = app.CreateDbContext())
        {
            var v1 = await db.GuidanceVersions.SingleAsync(g => g.Number == 1);
            var v2 = await db.GuidanceVersions.SingleOrDefaultAsync(g => g.Number == 2) ?? db.GuidanceVersions.Add(new RiskGuidanceVersion
            {
                Number = 2,
                Notes = "Reworded",
                PublishedAt = Now.AddDays(-1),
                Definition = Reworded(v1.Definition),
            }).Entity;
            await db.SaveChangesAsync();
            v2Id = v2.Id;
            var participantId = await db.CaseParticipants.Where(p => p.CaseId == asbCase.Id).Select(p => p.Id).SingleAsync();
            var b = new CaseBuilder(db, Now);
            var first = b.Assess(asbCase.Id, null, RiskLevel.Low, AssessmentStatus.Draft, current: false, createdDaysAgo: 40, kind: AssessmentKind.Victim,
                createdBy: "u", guidanceVersion: v1.Id);
            first.CaseParticipantId = participantId;
            first.Score = 4;
            b.Answer(first, "frequency", "weekly", 2);
            var second = b.Assess(asbCase.Id, null, RiskLevel.Medium, AssessmentStatus.Draft, unknownCount: 1, createdDaysAgo: 6, kind: AssessmentKind.Victim,
                createdBy: "u", guidanceVersion: v2Id);
            second.CaseParticipantId = participantId;
            second.Score = 7;
            second.JudgementLevel = RiskLevel.Medium;
            second.JudgementRationale = "Agreed";
            second.JudgementApproval = OverrideApproval.NotRequired;
            b.Answer(second, "frequency", "daily", 3);
            b.Answer(second, "vulnerable", QuestionDefinition.Unknown, 2);
            await db.SaveChangesAsync();
        }

        var details = await CreateService().GetAsync(Officer(area.Id), asbCase.Reference);

        var current = Assert.Single(details!.CurrentAssessments);
        var old = Assert.Single(details.SupersededAssessments);
        Assert.Equal(2, current.GuidanceVersionNumber);
        Assert.Equal(1, old.GuidanceVersionNumber);
        Assert.Equal("How often (version 2 wording)?", current.Answers.Single(a => a.QuestionKey == "frequency").QuestionText);
        Assert.Equal("Every day (v2)", current.Answers.Single(a => a.QuestionKey == "frequency").AnswerLabel);
        var oldFrequency = old.Answers.Single(a => a.QuestionKey == "frequency");
        Assert.Equal("How often has the person experienced this ASB?", oldFrequency.QuestionText);
        Assert.Equal("Weekly", oldFrequency.AnswerLabel);
        var unknown = current.Answers.Single(a => a.QuestionKey == "vulnerable");
        Assert.True(unknown.IsUnknown);
        Assert.Equal(6, unknown.UnknownForDays);
        Assert.Equal(AssessmentAnswerRenderer.NotAnswered, current.Answers.Single(a => a.QuestionKey == "impact").AnswerLabel);
        Assert.Equal("Olga Older", current.Subject);
    }

    [Fact]
    public async Task RemindersShowForStaffButNotForAPartnerOnASharedCase()
    {
        var area = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(area.Id, sharedWith: [Agency.LocalAuthority]);
        await using (var db = app.CreateDbContext())
        {
            var guidance = await db.GuidanceVersions.Where(g => g.Number == 1).Select(g => g.Id).SingleAsync();
            var assessment = new CaseBuilder(db, guidance, Now).Assess(asbCase.Id, null, RiskLevel.NotAssessed, AssessmentStatus.Draft, unknownCount: 1,
                createdDaysAgo: 8, createdBy: "u");
            await db.SaveChangesAsync();
            db.Reminders.Add(new Reminder { AssessmentId = assessment.Id, CaseId = asbCase.Id, Step = 4, DueAt = Now.AddDays(-4), QueuedAt = Now.AddDays(-4), RecipientUserId = "u" });
            db.Reminders.Add(new Reminder { AssessmentId = assessment.Id, CaseId = asbCase.Id, Step = 7, DueAt = Now.AddDays(-1), QueuedAt = Now.AddDays(-1), RecipientUserId = "u" });
            await db.SaveChangesAsync();
        }

        var forOfficer = await CreateService().GetAsync(Officer(area.Id), asbCase.Reference);
        var forPartner = await CreateService().GetAsync(Partner(Agency.LocalAuthority), asbCase.Reference);

        Assert.Equal([4, 7], forOfficer!.Reminders.Select(r => r.Step));
        Assert.Equal("1 Test Street, Loughborough", forOfficer.Reminders[0].AssessmentSubject);
        Assert.NotNull(forPartner);
        Assert.False(forPartner.ShowsInternalDetail);
        Assert.Empty(forPartner.Reminders);
    }

    [Fact]
    public async Task APartnerSeesOnlyTheReferralsToTheirOwnAgency()
    {
        var area = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(area.Id, sharedWith: [Agency.LocalAuthority, Agency.Housing]);
        await using (var db = app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now);
            b.Referral(asbCase, Agency.LocalAuthority, "Noise nuisance team", createdBy: "u");
            var housing = b.Referral(asbCase, Agency.Housing, "Tenancy", createdBy: "u");
            housing.IsSafeguarding = true;
            housing.SafeguardingConcerns = "Private concern for housing only";
            housing.ConsentToShare = true;
            housing.ImmediateActions = "Visit";
            await db.SaveChangesAsync();
        }

        var forOfficer = await CreateService().GetAsync(Officer(area.Id), asbCase.Reference);
        var forPartner = await CreateService().GetAsync(Partner(Agency.LocalAuthority), asbCase.Reference);

        Assert.Equal(2, forOfficer!.Referrals.Count);
        var seen = Assert.Single(forPartner!.Referrals);
        Assert.Equal(Agency.LocalAuthority, seen.Agency);
    }

    [Theory]
    [InlineData("ASB-2026-999999")]
    [InlineData("hello")]
    [InlineData("ASB-20X6-000001")]
    [InlineData("")]
    [InlineData(null)]
    public async Task AnUnknownOrMalformedReferenceIsNotFound(string? reference)
    {
        var details = await CreateService().GetAsync(new UserScope("a", "a", Roles.Admin, null, null), reference);

        Assert.Null(details);
    }

    [Fact]
    public async Task ACaseInAnotherAreaIsNotFoundForAnOfficer()
    {
        var home = await NewAreaAsync();
        var away = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(away.Id);

        Assert.Null(await CreateService().GetAsync(Officer(home.Id), asbCase.Reference));
        Assert.NotNull(await CreateService().GetAsync(Officer(away.Id), asbCase.Reference));
    }

    [Fact]
    public async Task ACaseNotSharedWithThePartnersAgencyIsNotFound()
    {
        var area = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(area.Id, sharedWith: [Agency.Housing]);

        Assert.Null(await CreateService().GetAsync(Partner(Agency.YouthJustice), asbCase.Reference));
        Assert.NotNull(await CreateService().GetAsync(Partner(Agency.Housing), asbCase.Reference));
    }

    [Fact]
    public async Task RecordingAViewWritesExactlyOneCaseAuditEntry()
    {
        var area = await NewAreaAsync();
        var asbCase = await app.AddCaseAsync(area.Id);
        var officer = Officer(area.Id);

        await CreateService().RecordViewAsync(officer, asbCase.Id);

        await using var db = app.CreateDbContext();
        var entry = Assert.Single(await db.AuditEntries.Where(e => e.CaseId == asbCase.Id && e.Action == AuditAction.View).ToListAsync());
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal("Case", entry.EntityType);
        Assert.Equal(asbCase.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal(Now, entry.At);
    }

    /// <summary>Version 1 with the victim frequency question and its "daily" option reworded.</summary>
    private static GuidanceDefinition Reworded(GuidanceDefinition v1)
    {
        var victim = v1.Matrix(AssessmentKind.Victim);
        var questions = victim.Questions.Select(q => q.Key != "frequency" ? q : q with
        {
            Text = "How often (version 2 wording)?",
            Options = q.Options.Select(o => o.Value == "daily" ? o with { Label = "Every day (v2)" } : o).ToList(),
        }).ToList();
        return v1 with { Matrices = v1.Matrices.Select(m => m.Kind == AssessmentKind.Victim ? victim with { Questions = questions } : m).ToList() };
    }
}
