using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// Everything the weekly compliance workbook shows: read before the workbook is built, except the rule sheets' findings,
/// which are read as their sheets are written.
/// </summary>
public sealed record WeeklyWorkbookData(
    ComplianceWeek Week,
    DateTime TakenAt,
    IReadOnlyList<string> AreaCodes,
    WorkbookSnapshot ThisWeek,
    WorkbookSnapshot? LastWeek,
    IReadOnlyList<HeadlinePoint> Headline,
    WorkbookFindings Findings,
    IReadOnlyDictionary<ComplianceRule, RuleMovement> Movement,
    IReadOnlyList<WorkbookUnknownAnswer> UnknownAnswers,
    IReadOnlyList<WorkbookHighRiskCase> HighRisk,
    ForceFigure? Figure = null,
    FindingMovement? SinceLastCheck = null);

/// <summary>One snapshot's counters: totals, per area and rule, and the per-area headline when the snapshot kept it.</summary>
public sealed record WorkbookSnapshot(
    DateTime TakenAt,
    int OpenCases,
    int HighRiskCases,
    int MissingAssessments,
    IReadOnlyDictionary<ComplianceRule, int> ByRule,
    IReadOnlyDictionary<(string Area, ComplianceRule Rule), int> ByAreaAndRule,
    IReadOnlyDictionary<string, int> MissingByArea)
{
    public int Count(ComplianceRule rule) => ByRule.GetValueOrDefault(rule);

    public int Count(string area, ComplianceRule rule) => ByAreaAndRule.GetValueOrDefault((area, rule));
}

public sealed record HeadlinePoint(string Week, DateTime TakenAt, int MissingAssessments, int OpenCases);

/// <summary>
/// One case breaking one rule: who owns it, what is missing and for whom, how long it has been outstanding, and how
/// many earlier weekly checks found it too (0: new this week).
/// </summary>
public sealed record WorkbookFinding(
    string CaseRef, string AreaCode, string? LeadOfficer, string? Sergeant, DateTime Opened, string Concerned, int AgeDays, string Missing,
    DateTime Since, int WeeksCarried, string Link)
{
    public const string New = "New this week";
    public const string Carried = "Carried over";

    public string NewOrCarried => WeeksCarried == 0 ? New : Carried;
}

/// <summary>A rule's findings against last week's check: new this week, carried over from it, and put right since.</summary>
public sealed record RuleMovement(int New, int Carried, int PutRight);

public sealed record WorkbookUnknownAnswer(string CaseRef, string AreaCode, string Person, string Question, int AgeDays, int RemindersSent, string Link);

public sealed record WorkbookHighRiskCase(
    string CaseRef, string AreaCode, DateTime Since, bool ActiveMarker, bool ActionPlan, int Referrals, string ReferralAgencies,
    DateTime? NextReview, string Link);
