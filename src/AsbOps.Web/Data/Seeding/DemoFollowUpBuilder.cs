using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Alerts;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// What follows a case's risk: the action plan, partner referrals and the shares they bring, safeguarding
/// referrals, history markers, the high-risk alerts and the reminders already sent for unknown answers.
/// </summary>
internal sealed class DemoFollowUpBuilder(DemoCalendar calendar, DemoReminderBuilder reminders)
{
    private static readonly Dictionary<AsbCategory, ActionType[]> ActionsByCategory = new()
    {
        [AsbCategory.Personal] = [ActionType.Visit, ActionType.TargetHardening, ActionType.WarningLetter, ActionType.Mediation, ActionType.RestorativeApproach, ActionType.AcceptableBehaviourContract, ActionType.CivilInjunction, ActionType.CommunityProtectionNotice],
        [AsbCategory.Nuisance] = [ActionType.PatrolPlan, ActionType.Visit, ActionType.WarningLetter, ActionType.AcceptableBehaviourContract, ActionType.DispersalDirection, ActionType.CommunityProtectionNotice, ActionType.PublicSpacesProtectionOrder, ActionType.ClosureNoticeOrOrder, ActionType.CriminalBehaviourOrder],
        [AsbCategory.Environmental] = [ActionType.PatrolPlan, ActionType.Visit, ActionType.CommunityProtectionNotice, ActionType.PublicSpacesProtectionOrder, ActionType.TargetHardening, ActionType.WarningLetter],
    };

    public void Add(Random rng, DemoCaseDraft draft, DemoCasePlan plan, List<DemoSubject> subjects, DemoRiskTimeline risk, DemoAreaStaff area, DemoStaffMember lead)
    {
        var asbCase = draft.Case;
        var end = plan.ClosedAt ?? calendar.End;
        AddReferrals(rng, draft, plan, subjects, risk, lead);
        AddPlan(rng, draft, plan, risk, lead, end);
        AddShares(draft);
        AddMarkers(rng, draft, plan, subjects, risk);
        reminders.AddFor(rng, draft, plan, subjects, lead);
        DemoRecordBuilder.Add(draft, plan, subjects.Where(s => s.Role == PersonRole.Victim).Select(s => s.Participant!), lead, end);

        // The area's sergeant and inspector were alerted when the case became high; older alerts have been read.
        if (!plan.IsClosed && area.Area.Code == DemoLogins.AreaCode && risk.HighSince is { } since && calendar.AgeInDays(since) <= 14)
        {
            foreach (var user in new[] { area.Sergeant, area.Inspector })
            {
                draft.Alerts.Add(new Alert
                {
                    UserId = user.Id,
                    Kind = "HighRisk",
                    Message = $"{asbCase.Reference} is now high risk: {asbCase.Address}.",
                    CreatedAt = since.AddMinutes(1),
                    ReadAt = calendar.AgeInDays(since) > 3 ? since.AddHours(rng.Next(1, 20)) : null,
                });
            }
        }
    }

    private void AddReferrals(Random rng, DemoCaseDraft draft, DemoCasePlan plan, List<DemoSubject> subjects, DemoRiskTimeline risk, DemoStaffMember lead)
    {
        foreach (var subject in subjects.Where(s => s.CurrentComplete is { SafeguardingConcern: true }))
        {
            var assessment = subject.CurrentComplete!;

            // On open cases a few concerns still lack a referral, or its form is half filled: compliance rule 5.
            var roll = plan.IsClosed ? 1.0 : rng.NextDouble();
            if (roll < 0.1)
            {
                continue;
            }

            var agency = subject.IsChild ? Agency.ChildrensSocialCare : Agency.AdultSocialCare;
            var referral = NewReferral(rng, plan, agency, assessment.CompletedAt!.Value.AddHours(rng.Next(1, 30)), lead);
            referral.IsSafeguarding = true;
            referral.SafeguardingConcerns = DemoCaseTexts.SafeguardingConcerns(rng);
            referral.ConsentToShare = roll < 0.18 ? null : rng.Chance(0.8);
            referral.ImmediateActions = roll < 0.18 ? null : DemoCaseTexts.ImmediateActions(rng);
            draft.Referrals.Add((referral, subject.Participant, assessment));
        }

        var level = risk.FirstHighAt is not null ? RiskLevel.High : draft.Case.RiskLevel;
        var chance = level switch { RiskLevel.High => 0.6, RiskLevel.Medium => 0.2, _ => 0.03 };
        var agencies = new List<Agency>();
        if (rng.Chance(chance))
        {
            agencies.Add(subjects.Any(s => s.Role == PersonRole.Perpetrator && s.IsChild) && rng.Chance(0.7)
                ? Agency.YouthJustice
                : rng.Pick([Agency.Housing, Agency.Housing, Agency.VictimServices, Agency.MentalHealth, Agency.Other]));
            if (rng.Chance(0.3))
            {
                agencies.Add(rng.Pick([Agency.Housing, Agency.VictimServices, Agency.MentalHealth]));
            }
        }

        // The council ASB team works a few dozen cases jointly: the demo partner login sees those.
        if (rng.Chance(0.012))
        {
            agencies.Add(Agency.LocalAuthority);
        }

        foreach (var agency in agencies.Distinct())
        {
            var sentAt = plan.OpenedAt.AddDays(rng.Next(1, 15)).AddHours(rng.Next(0, 9));
            if (sentAt < (plan.ClosedAt ?? calendar.End))
            {
                draft.Referrals.Add((NewReferral(rng, plan, agency, sentAt, lead), null, null));
            }
        }
    }

    private Referral NewReferral(Random rng, DemoCasePlan plan, Agency agency, DateTime sentAt, DemoStaffMember lead)
    {
        sentAt = calendar.NotAfterEnd(sentAt, rng);
        var status = plan.IsClosed
            ? (ReferralStatus)(rng.PickWeighted([0, 0.3, 0.2, 0.5]) + 1)
            : calendar.AgeInDays(sentAt) < 3 ? ReferralStatus.Sent : (ReferralStatus)(rng.PickWeighted([0.25, 0.6, 0.15, 0]) + 1);
        return new Referral
        {
            Agency = agency,
            Reason = DemoCaseTexts.ReferralReason(rng, agency),
            SentAt = sentAt,
            Status = status,
            OutcomeNote = status == ReferralStatus.Sent ? null : DemoCaseTexts.Outcome(rng),
            CreatedByUserId = lead.Id,
        };
    }

    /// <summary>Most high-risk and some medium cases have a plan, usually within 72 hours of becoming high.</summary>
    private void AddPlan(Random rng, DemoCaseDraft draft, DemoCasePlan plan, DemoRiskTimeline risk, DemoStaffMember lead, DateTime end)
    {
        var level = risk.FirstHighAt is not null ? RiskLevel.High : draft.Case.RiskLevel;
        var chance = level switch { RiskLevel.High => 0.82, RiskLevel.Medium => 0.3, _ => 0.05 };
        if (!rng.Chance(chance))
        {
            return;
        }

        var createdAt = risk.FirstHighAt is { } high
            ? high.AddHours(rng.Chance(0.9) ? rng.Next(2, 60) : rng.Next(80, 240))
            : plan.OpenedAt.AddDays(rng.Next(1, 10));
        if (createdAt >= end)
        {
            return;
        }

        var actionPlan = new ActionPlan { CreatedAt = createdAt, CreatedByUserId = lead.Id, Objective = "Stop the ASB and keep the victim safe." };
        var types = ActionsByCategory[plan.Category].OrderBy(_ => rng.Next()).Take(rng.Next(1, 6)).ToList();
        if (draft.Referrals.Count > 0 && types.Count < 5)
        {
            types.Add(ActionType.Referral);
        }

        foreach (var type in types)
        {
            var due = DateOnly.FromDateTime(createdAt).AddDays(rng.Next(3, 43));
            var status = plan.IsClosed
                ? (rng.Chance(0.85) ? ActionStatus.Done : ActionStatus.Cancelled)
                : due < calendar.Today ? (rng.Chance(0.75) ? ActionStatus.Done : ActionStatus.InProgress) : (rng.Chance(0.5) ? ActionStatus.Planned : ActionStatus.InProgress);
            var byPartner = type == ActionType.Referral && draft.Referrals.Count > 0;
            actionPlan.Actions.Add(new ActionItem
            {
                Type = type,
                Description = DemoCaseTexts.ActionDescription(rng, type),
                OwnerName = byPartner ? DemoCaseTexts.Team(draft.Referrals[0].Referral.Agency) : lead.DisplayName,
                OwnerUserId = byPartner ? null : lead.Id,
                DueDate = due,
                Status = status,
                CompletedAt = status == ActionStatus.Done ? calendar.NotAfterEnd(due.ToDateTime(new TimeOnly(rng.Next(9, 17), 0), DateTimeKind.Utc), rng) : null,
            });
        }

        draft.Plan = actionPlan;
    }

    private static void AddShares(DemoCaseDraft draft)
    {
        foreach (var group in draft.Referrals.GroupBy(r => r.Referral.Agency))
        {
            var first = group.MinBy(r => r.Referral.SentAt).Referral;
            draft.Shares.Add(new CaseShare { Agency = group.Key, SharedAt = first.SentAt, SharedByUserId = first.CreatedByUserId });
        }
    }

    /// <summary>Markers on each high-risk person and on the location; ended when the risk fell or the case closed.</summary>
    private void AddMarkers(Random rng, DemoCaseDraft draft, DemoCasePlan plan, List<DemoSubject> subjects, DemoRiskTimeline risk)
    {
        // A few open high-risk cases still lack their markers: compliance rule 6.
        if (risk.FirstHighAt is not { } firstHigh || (!plan.IsClosed && rng.Chance(0.08)))
        {
            return;
        }

        (DateTime At, string Reason)? caseEnd = risk.HighSince is null && risk.FellAt is { } fell ? (fell, "Risk fell below high")
            : plan.ClosedAt is { } closed ? (closed, "Case closed") : null;
        foreach (var subject in subjects.Where(s => s.Person is not null && s.History.Any(a => a.Status == AssessmentStatus.Complete && a.Level == RiskLevel.High)))
        {
            var high = subject.History.First(a => a.Status == AssessmentStatus.Complete && a.Level == RiskLevel.High);
            var marker = NewMarker(MarkerSubjectType.Person, subject.Person!.FullName, subject.Person.Address, subject.Person.Postcode, high.CompletedAt!.Value.AddMinutes(2));
            var personFell = subject.CurrentComplete is { Level: < RiskLevel.High } now ? now.CompletedAt : null;
            End(marker, personFell is { } at && (caseEnd is null || at < caseEnd.Value.At) ? (at, "Risk fell below high") : caseEnd);
            draft.Markers.Add((marker, subject.Person));
        }

        var location = NewMarker(MarkerSubjectType.Location, draft.Case.Address, draft.Case.Address, draft.Case.Postcode, firstHigh.AddMinutes(3));
        End(location, caseEnd);
        draft.Markers.Add((location, null));
    }

    private static Marker NewMarker(MarkerSubjectType type, string subject, string? address, string? postcode, DateTime placedAt) =>
        new() { SubjectType = type, Subject = subject, Address = address, Postcode = postcode, RiskLevel = RiskLevel.High, PlacedAt = placedAt };

    private static void End(Marker marker, (DateTime At, string Reason)? end)
    {
        if (end is { } e)
        {
            marker.End(e.At > marker.PlacedAt ? e.At : marker.PlacedAt.AddMinutes(1), e.Reason);
        }
    }
}
