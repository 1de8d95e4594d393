using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>Adds hand-built cases, people, assessments and the rest to a context, with readable defaults.</summary>
public sealed class CaseBuilder(AsbOpsDbContext db, int guidanceVersionId, DateTime now)
{
    private int _sequence;

    public AsbCase Case(int areaId, string reference, double openedHoursAgo = 24 * 10, RiskLevel level = RiskLevel.NotAssessed,
        CaseStatus status = CaseStatus.Open, double? nextReviewInDays = 20, string? leadOfficerId = null)
    {
        var c = new AsbCase
        {
            Reference = reference,
            AreaId = areaId,
            Category = AsbCategory.Personal,
            Status = status,
            OpenedAt = now.AddHours(-openedHoursAgo),
            ClosedAt = status == CaseStatus.Closed ? now.AddHours(-1) : null,
            ClosureReason = status == CaseStatus.Closed ? ClosureReason.Resolved : null,
            Address = "1 Test Street",
            Postcode = "LE1 1AA",
            Summary = "Test case",
            RiskLevel = level,
            HighRiskSince = level == RiskLevel.High ? now.AddHours(-openedHoursAgo) : null,
            NextReviewDue = nextReviewInDays is { } days ? now.AddDays(days) : null,
            LeadOfficerId = leadOfficerId,
        };
        db.Cases.Add(c);
        return c;
    }

    public CaseParticipant Person(AsbCase c, PersonRole role, RiskLevel level = RiskLevel.NotAssessed)
    {
        _sequence++;
        var person = new Person { FirstName = "Person" + _sequence, LastName = "Test", SearchName = "TEST PERSON" + _sequence };
        var participant = new CaseParticipant { Case = c, Person = person, Role = role, RiskLevel = level, AddedAt = c.OpenedAt };
        c.Participants.Add(participant);
        return participant;
    }

    public Assessment Assess(AsbCase c, CaseParticipant? participant, RiskLevel level, AssessmentStatus status = AssessmentStatus.Complete,
        bool current = true, int unknownCount = 0, bool safeguarding = false, double createdDaysAgo = 5, AssessmentKind? kind = null)
    {
        var assessment = new Assessment
        {
            CaseId = c.Id,
            Participant = participant,
            Kind = kind ?? (participant?.Role == PersonRole.Perpetrator ? AssessmentKind.Perpetrator
                : participant is null ? AssessmentKind.Location : AssessmentKind.Victim),
            GuidanceVersionId = guidanceVersionId,
            Status = status,
            CreatedAt = now.AddDays(-createdDaysAgo),
            CompletedAt = status == AssessmentStatus.Complete ? now.AddDays(-createdDaysAgo) : null,
            CreatedByUserId = "test",
            IsCurrent = current,
            ComputedLevel = level,
            Level = level,
            UnknownCount = unknownCount,
            SafeguardingConcern = safeguarding,
        };
        c.Assessments.Add(assessment);
        return assessment;
    }

    public void Answer(Assessment assessment, string key, string value, int score = 0) =>
        assessment.Answers.Add(new AssessmentAnswer { QuestionKey = key, Value = value, Score = score, AnsweredAt = assessment.CreatedAt });

    public void ActionPlan(AsbCase c) => db.Add(new ActionPlan { CaseId = c.Id, CreatedAt = now, CreatedByUserId = "test" });

    public void Marker(AsbCase c, bool active = true) => db.Add(new Marker
    {
        CaseId = c.Id,
        SubjectType = MarkerSubjectType.Location,
        Subject = c.Address,
        PlacedAt = now.AddDays(-3),
        EndedAt = active ? null : now.AddDays(-1),
    });

    public void SafeguardingReferral(AsbCase c, bool complete) => db.Add(new Referral
    {
        CaseId = c.Id,
        Agency = Agency.ChildrensSocialCare,
        Reason = "Safeguarding",
        SentAt = now,
        IsSafeguarding = true,
        SafeguardingConcerns = "Concern",
        ConsentToShare = true,
        ImmediateActions = complete ? "Visited" : null,
        CreatedByUserId = "test",
    });

    public Incident Incident(int areaId, string stormRef, AsbCase? linkedTo = null, bool screened = false)
    {
        var incident = new Incident
        {
            StormRef = stormRef,
            AreaId = areaId,
            ReceivedAt = now.AddHours(-3),
            CreatedAt = now.AddHours(-3),
            Address = "2 Test Street",
            Postcode = "LE1 1AB",
            Description = "Noise",
            Category = AsbCategory.Nuisance,
            CaseId = linkedTo?.Id,
            Screening = screened ? new VictorEScreening { ScreenedAt = now.AddHours(-2), ScreenedByUserId = "test" } : null,
        };
        db.Incidents.Add(incident);
        return incident;
    }
}
