using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Compliance;

/// <summary>What a finding says about one case, whichever rule it breaks: read once per case, then worded per rule.</summary>
internal sealed record CaseFindingDetail(
    long Id,
    string Reference,
    int AreaId,
    string? LeadOfficer,
    DateTime OpenedAt,
    DateTime? HighRiskSince,
    DateTime? NextReviewDue,
    DateTime? LastReviewedAt,
    RiskLevel RiskLevel,
    int VictimsMissing,
    int PerpetratorsMissing,
    int Unknown,
    DateTime? OldestUnknown,
    DateTime? SafeguardingSince,
    bool HasPlan,
    bool HasMarker);

/// <summary>Reads <see cref="CaseFindingDetail"/> for a page of cases and words it as the finding of one rule.</summary>
internal static class CaseFindingDetails
{
    public static Task<List<CaseFindingDetail>> ReadAsync(AsbOpsDbContext db, IQueryable<AsbCase> page, CancellationToken cancellationToken)
    {
        var plans = db.ActionPlans;
        var markers = db.Markers;
        return page.Select(c => new CaseFindingDetail(
            c.Id,
            c.Reference,
            c.AreaId,
            db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
            c.OpenedAt,
            c.HighRiskSince,
            c.NextReviewDue,
            c.LastReviewedAt,
            c.RiskLevel,
            c.Participants.Count(p => p.Role == PersonRole.Victim
                && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete)),
            c.Participants.Count(p => p.Role == PersonRole.Perpetrator
                && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete)),
            c.Assessments.Where(a => a.IsCurrent).Sum(a => a.UnknownCount),
            c.Assessments.Where(a => a.IsCurrent && a.UnknownCount > 0).Min(a => (DateTime?)a.CreatedAt),
            c.Assessments.Where(a => a.IsCurrent && a.SafeguardingConcern).Min(a => (DateTime?)(a.CompletedAt ?? a.CreatedAt)),
            plans.Any(p => p.CaseId == c.Id),
            markers.Any(m => m.CaseId == c.Id && m.EndedAt == null))).ToListAsync(cancellationToken);
    }

    public static ComplianceFindingRow ToFinding(ComplianceRule rule, CaseFindingDetail r, CaseRulePredicates rules, AreaLookup areas)
    {
        (DateTime since, string missing) = rule switch
        {
            ComplianceRule.VictimWithoutAssessment => (r.OpenedAt, ComplianceRuleText.Missing(rule, r.VictimsMissing)),
            ComplianceRule.PerpetratorWithoutAssessment => (r.OpenedAt, ComplianceRuleText.Missing(rule, r.PerpetratorsMissing)),
            ComplianceRule.UnknownAnswer => (r.OldestUnknown ?? r.OpenedAt, ComplianceRuleText.Missing(rule, r.Unknown)),
            ComplianceRule.SafeguardingWithoutReferral => (r.SafeguardingSince ?? r.OpenedAt, ComplianceRuleText.Missing(rule)),
            ComplianceRule.HighRiskWithoutPlanOrMarker => (r.HighRiskSince ?? r.OpenedAt,
                ComplianceRuleText.Missing(rule, noActionPlan: !r.HasPlan, noMarker: !r.HasMarker)),
            ComplianceRule.ReviewOverdue => (rules.ReviewDueAt(r.NextReviewDue, r.LastReviewedAt, r.OpenedAt, r.RiskLevel),
                ComplianceRuleText.Missing(rule)),
            _ => (r.OpenedAt, ComplianceRuleText.Missing(rule)),
        };
        return new ComplianceFindingRow(rule, r.Id, r.Reference, areas.CodeOf(r.AreaId), r.LeadOfficer, since,
            Math.Max(0, (int)(rules.Now - since).TotalDays), missing)
        { AreaId = r.AreaId };
    }
}
