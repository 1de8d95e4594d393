using AsbOps.Domain.Compliance;
using AsbOps.Web.Spreadsheets;
using ClosedXML.Excel;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// The weekly compliance workbook (ClosedXML, in memory: it is a few thousand rows): a Summary sheet, one sheet of
/// findings per rule (each case that breaks it, oldest first, its reference linked into the app), the unknown answers
/// and the high-risk cases. Styled, frozen, filtered headers; explicit column
/// widths (never auto-fitted: that needs libgdiplus on Linux); numbers, dates and text as such; never a formula.
/// </summary>
public static class WeeklyComplianceWorkbook
{
    public const string SummarySheet = "Summary";
    public const string UnknownSheet = "Unknown answers";
    public const string HighRiskSheet = "High risk";
    public const string MovementSheet = "New, carried, put right";
    public const string MovementLabel = WorkbookSummarySheet.MovementLabel;
    public const string AverageLabel = WorkbookSummarySheet.AverageLabel;
    public const string DateFormat = SheetTable.DateFormat;
    public const string DateTimeFormat = SheetTable.DateTimeFormat;

    public static string RuleSheet(ComplianceRule rule) => rule switch
    {
        ComplianceRule.VictimWithoutAssessment => "1 Victim not assessed",
        ComplianceRule.NoVictimNoLocationAssessment => "2 No location assessment",
        ComplianceRule.PerpetratorWithoutAssessment => "3 Perpetrator not assessed",
        ComplianceRule.UnknownAnswer => "4 Unknown answers",
        ComplianceRule.SafeguardingWithoutReferral => "5 Safeguarding referral",
        ComplianceRule.HighRiskWithoutPlanOrMarker => "6 High risk plan or marker",
        ComplianceRule.ReviewOverdue => "7 Review overdue",
        _ => ((int)rule).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static readonly string[] FindingHeaders =
    [
        "Case reference", "Area", "Lead officer", "Sergeant", "Opened", "Person or location", "What is missing", "Outstanding since",
        "Days outstanding", "Weeks carried over", "New or carried over",
    ];
    public static readonly string[] MovementHeaders =
    [
        "Since last week's check", "Case reference", "Area", "Rule", "Lead officer", "Person or location", "First seen", "Put right",
        "Weeks carried over",
    ];
    public static readonly string[] UnknownHeaders = ["Case reference", "Area", "Person", "Question", "Age (days)", "Reminders sent", "Link"];
    public static readonly string[] HighRiskHeaders =
        ["Case reference", "Area", "High risk since", "Active marker", "Action plan", "Referrals", "Referred to", "Next review", "Link"];

    public static void Write(WeeklyWorkbookData data, Stream output)
    {
        using var workbook = new XLWorkbook();
        WorkbookSummarySheet.Write(workbook.Worksheets.Add(SummarySheet), data);
        foreach (var rule in ComplianceRuleText.All)
        {
            var ws = workbook.Worksheets.Add(RuleSheet(rule));
            var rows = data.Findings.GetValueOrDefault(rule) ?? [];
            var table = new SheetTable(ws, FindingHeaders, [18, 12, 24, 24, 12, 36, 44, 14, 12, 12, 18]);
            foreach (var f in rows)
            {
                table.Row(new SheetLink(f.Link, f.CaseRef), f.AreaCode, f.LeadOfficer ?? "", f.Sergeant ?? "", DateOnly.FromDateTime(f.Opened),
                    f.Concerned, f.Missing, DateOnly.FromDateTime(f.Since), f.AgeDays, f.WeeksCarried, f.NewOrCarried);
            }

            table.Finish();
        }

        var moved = new SheetTable(workbook.Worksheets.Add(MovementSheet), MovementHeaders, [22, 18, 12, 40, 24, 36, 17, 17, 12]);
        foreach (var m in data.SinceLastCheck?.Items ?? [])
        {
            moved.Row(StatusWords(m.Status), new SheetLink(m.Link, m.CaseRef), m.AreaCode,
                $"{(int)m.Rule}. {ComplianceRuleText.Title(m.Rule)}", m.Owner ?? "", m.Concerned, m.FirstSeenAt, m.PutRightAt, m.WeeksCarried);
        }

        moved.Finish();

        var unknown = new SheetTable(workbook.Worksheets.Add(UnknownSheet), UnknownHeaders, [18, 12, 26, 60, 11, 15, 45]);
        foreach (var u in data.UnknownAnswers)
        {
            unknown.Row(u.CaseRef, u.AreaCode, u.Person, u.Question, u.AgeDays, u.RemindersSent, new SheetLink(u.Link));
        }

        unknown.Finish();

        var high = new SheetTable(workbook.Worksheets.Add(HighRiskSheet), HighRiskHeaders, [18, 12, 17, 14, 13, 11, 40, 13, 45]);
        foreach (var h in data.HighRisk)
        {
            high.Row(h.CaseRef, h.AreaCode, h.Since, h.ActiveMarker ? "Yes" : "No", h.ActionPlan ? "Yes" : "No", h.Referrals,
                h.ReferralAgencies, h.NextReview is { } next ? DateOnly.FromDateTime(next) : null, new SheetLink(h.Link));
        }

        high.Finish();
        workbook.SaveAs(output);
    }

    public static string StatusWords(FindingStatus status) => status switch
    {
        FindingStatus.New => WorkbookFinding.New,
        FindingStatus.Carried => WorkbookFinding.Carried,
        _ => "Put right",
    };
}
