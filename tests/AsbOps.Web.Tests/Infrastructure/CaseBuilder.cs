using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>
/// The one way tests build cases and what hangs off them: adds cases, people, assessments, plans, referrals, markers,
/// shares and incidents to a context, with readable defaults relative to <c>now</c>. The caller saves. Rows that
/// point at a case by id (plans, referrals, markers, shares) need the case saved first.
/// </summary>
public sealed class CaseBuilder(AsbOpsDbContext db, int? guidanceVersionId, DateTime now)
{
    private static int _references;
    private int _people;

    /// <summary>A builder for cases without assessments, or whose assessments name their guidance version.</summary>
    public CaseBuilder(AsbOpsDbContext db, DateTime now)
        : this(db, null, now)
    {
    }

    /// <summary>A reference no other test in the run uses (a counter, so a run is repeatable).</summary>
    public static string NextReference() => $"ASB-2026-{Interlocked.Increment(ref _references) + 100000:D6}";

    /// <summary>
    /// An open case in the area, opened <paramref name="openedHoursAgo"/> before now (or at <paramref name="openedAt"/>);
    /// high risk since it opened unless <paramref name="highRiskSince"/> says otherwise; <paramref name="with"/> sets anything else.
    /// </summary>
    public AsbCase Case(int areaId, string? reference = null, double openedHoursAgo = 24 * 10, RiskLevel level = RiskLevel.NotAssessed,
        CaseStatus status = CaseStatus.Open, double? nextReviewInDays = 20, string? leadOfficerId = null, DateTime? openedAt = null,
        DateTime? highRiskSince = null, string address = "1 Test Street", string postcode = "LE1 1AA", string summary = "Test case",
        AsbCategory category = AsbCategory.Personal, Action<AsbCase>? with = null)
    {
        var opened = openedAt ?? now.AddHours(-openedHoursAgo);
        var c = new AsbCase
        {
            Reference = reference ?? NextReference(),
            AreaId = areaId,
            Category = category,
            Status = status,
            OpenedAt = opened,
            ClosedAt = status == CaseStatus.Closed ? now.AddHours(-1) : null,
            ClosureReason = status == CaseStatus.Closed ? ClosureReason.Resolved : null,
            Address = address,
            Postcode = postcode,
            Summary = summary,
            RiskLevel = level,
            HighRiskSince = level == RiskLevel.High ? highRiskSince ?? opened : null,
            NextReviewDue = nextReviewInDays is { } days ? now.AddDays(days) : null,
            LeadOfficerId = leadOfficerId,
        };
        with?.Invoke(c);
        db.Cases.Add(c);
        return c;
    }

    /// <summary>A person in a role on the case, added when the case opened; named "PersonN Test" unless named.</summary>
    public CaseParticipant Person(AsbCase c, PersonRole role, RiskLevel level = RiskLevel.NotAssessed, string? firstName = null,
        string? lastName = null, string? address = null, string? postcode = null, DateOnly? dateOfBirth = null, DateTime? addedAt = null)
    {
        var participant = Participant(role, level, firstName, lastName, address, postcode, dateOfBirth, addedAt ?? c.OpenedAt);
        participant.Case = c;
        c.Participants.Add(participant);
        return participant;
    }

    /// <summary>A person in a role on a case already saved, known by its id.</summary>
    public CaseParticipant Person(long caseId, PersonRole role, DateTime addedAt, RiskLevel level = RiskLevel.NotAssessed,
        string? firstName = null, string? lastName = null, string? address = null, string? postcode = null, DateOnly? dateOfBirth = null)
    {
        var participant = Participant(role, level, firstName, lastName, address, postcode, dateOfBirth, addedAt);
        participant.CaseId = caseId;
        db.CaseParticipants.Add(participant);
        return participant;
    }

    /// <summary>A person already stored, in a role on another saved case.</summary>
    public CaseParticipant Involve(long caseId, long personId, PersonRole role, DateTime addedAt)
    {
        var participant = new CaseParticipant { CaseId = caseId, PersonId = personId, Role = role, AddedAt = addedAt };
        db.CaseParticipants.Add(participant);
        return participant;
    }

    /// <summary>
    /// An assessment of the participant (of the location when none), created <paramref name="createdDaysAgo"/> before now,
    /// completed then unless a draft.
    /// </summary>
    public Assessment Assess(AsbCase c, CaseParticipant? participant, RiskLevel level, AssessmentStatus status = AssessmentStatus.Complete,
        bool current = true, int unknownCount = 0, bool safeguarding = false, double createdDaysAgo = 5, AssessmentKind? kind = null,
        string createdBy = "test", int? guidanceVersion = null)
    {
        var assessment = NewAssessment(c.Id, participant, level, status, current, unknownCount, safeguarding, createdDaysAgo, kind, createdBy, guidanceVersion);
        c.Assessments.Add(assessment);
        return assessment;
    }

    /// <summary>An assessment on a case already saved, known by its id.</summary>
    public Assessment Assess(long caseId, CaseParticipant? participant, RiskLevel level, AssessmentStatus status = AssessmentStatus.Complete,
        bool current = true, int unknownCount = 0, bool safeguarding = false, double createdDaysAgo = 5, AssessmentKind? kind = null,
        string createdBy = "test", int? guidanceVersion = null)
    {
        var assessment = NewAssessment(caseId, participant, level, status, current, unknownCount, safeguarding, createdDaysAgo, kind, createdBy, guidanceVersion);
        db.Assessments.Add(assessment);
        return assessment;
    }

    public void Answer(Assessment assessment, string key, string value, int score = 0) =>
        assessment.Answers.Add(new AssessmentAnswer { QuestionKey = key, Value = value, Score = score, AnsweredAt = assessment.CreatedAt });

    public ActionPlan ActionPlan(AsbCase c, string createdBy = "test", string? objective = null, DateTime? createdAt = null)
    {
        var plan = new ActionPlan { CaseId = c.Id, CreatedAt = createdAt ?? now, CreatedByUserId = createdBy, Objective = objective };
        db.Add(plan);
        return plan;
    }

    /// <summary>A marker on the case's address placed three days ago, or on <paramref name="subject"/> of the given type.</summary>
    public Marker Marker(AsbCase c, bool active = true, MarkerSubjectType type = MarkerSubjectType.Location, string? subject = null,
        DateTime? placedAt = null, DateTime? endedAt = null, string? endReason = null, string? address = null, string? postcode = null)
    {
        var marker = new Marker
        {
            CaseId = c.Id,
            SubjectType = type,
            Subject = subject ?? c.Address,
            Address = address,
            Postcode = postcode,
            PlacedAt = placedAt ?? now.AddDays(-3),
            EndedAt = active ? null : endedAt ?? now.AddDays(-1),
            EndReason = endReason,
        };
        db.Add(marker);
        return marker;
    }

    public Referral Referral(AsbCase c, Agency agency, string reason, string createdBy = "test", DateTime? sentAt = null)
    {
        var referral = new Referral { CaseId = c.Id, Agency = agency, Reason = reason, SentAt = sentAt ?? now, CreatedByUserId = createdBy };
        db.Add(referral);
        return referral;
    }

    public Referral SafeguardingReferral(AsbCase c, bool complete)
    {
        var referral = Referral(c, Agency.ChildrensSocialCare, "Safeguarding");
        referral.IsSafeguarding = true;
        referral.SafeguardingConcerns = "Concern";
        referral.ConsentToShare = true;
        referral.ImmediateActions = complete ? "Visited" : null;
        return referral;
    }

    public CaseShare Share(AsbCase c, Agency agency, DateTime? sharedAt = null)
    {
        var share = new CaseShare { CaseId = c.Id, Agency = agency, SharedAt = sharedAt ?? c.OpenedAt };
        db.CaseShares.Add(share);
        return share;
    }

    /// <summary>
    /// An incident in the area received three hours before now (or at <paramref name="receivedAt"/>), linked to a case when
    /// given, screened an hour later when <paramref name="screened"/>; <paramref name="with"/> sets anything else (reporter,
    /// THRIVE, a particular screening).
    /// </summary>
    public Incident Incident(int areaId, string stormRef, AsbCase? linkedTo = null, bool screened = false, DateTime? receivedAt = null,
        string address = "2 Test Street", string postcode = "LE1 1AB", string description = "Noise",
        AsbCategory category = AsbCategory.Nuisance, Action<Incident>? with = null)
    {
        var received = receivedAt ?? now.AddHours(-3);
        var incident = new Incident
        {
            StormRef = stormRef,
            AreaId = areaId,
            ReceivedAt = received,
            CreatedAt = received,
            Address = address,
            Postcode = postcode,
            Description = description,
            Category = category,
            CaseId = linkedTo?.Id,
            Screening = screened ? new VictorEScreening { ScreenedAt = received.AddHours(1), ScreenedByUserId = "test" } : null,
        };
        with?.Invoke(incident);
        db.Incidents.Add(incident);
        return incident;
    }

    private CaseParticipant Participant(PersonRole role, RiskLevel level, string? firstName, string? lastName, string? address,
        string? postcode, DateOnly? dateOfBirth, DateTime addedAt)
    {
        Person person;
        if (firstName is null && lastName is null)
        {
            var n = ++_people;
            person = new Person { FirstName = "Person" + n, LastName = "Test", SearchName = "TEST PERSON" + n };
        }
        else
        {
            var first = firstName ?? "Pat";
            var last = lastName ?? "Test";
            person = new Person { FirstName = first, LastName = last, SearchName = Domain.Cases.Person.ToSearchName(first, last) };
        }

        person.Address = address;
        person.Postcode = postcode;
        person.DateOfBirth = dateOfBirth;
        return new CaseParticipant { Person = person, Role = role, RiskLevel = level, AddedAt = addedAt };
    }

    private Assessment NewAssessment(long caseId, CaseParticipant? participant, RiskLevel level, AssessmentStatus status, bool current,
        int unknownCount, bool safeguarding, double createdDaysAgo, AssessmentKind? kind, string createdBy, int? guidanceVersion) => new()
        {
            CaseId = caseId,
            Participant = participant,
            Kind = kind ?? (participant?.Role == PersonRole.Perpetrator ? AssessmentKind.Perpetrator
                : participant is null ? AssessmentKind.Location : AssessmentKind.Victim),
            GuidanceVersionId = guidanceVersion ?? guidanceVersionId
                ?? throw new InvalidOperationException("Give the builder a guidance version, or the assessment one."),
            Status = status,
            CreatedAt = now.AddDays(-createdDaysAgo),
            CompletedAt = status == AssessmentStatus.Complete ? now.AddDays(-createdDaysAgo) : null,
            CreatedByUserId = createdBy,
            IsCurrent = current,
            ComputedLevel = level,
            Level = level,
            UnknownCount = unknownCount,
            SafeguardingConcern = safeguarding,
        };
}
