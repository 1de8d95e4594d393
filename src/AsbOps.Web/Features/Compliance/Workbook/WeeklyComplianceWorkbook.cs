using AsbOps.Domain.Compliance;
using AsbOps.Web.Spreadsheets;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// The weekly compliance workbook, streamed (<see cref="XlsxWriter"/>: a force's findings run to tens of thousands of
/// rows): a Summary sheet, one sheet of findings per rule (each case that breaks it, oldest first, its reference
/// linked into the app, read from the database as the sheet is written), the unknown answers and the high-risk cases. Styled, frozen, filtered headers; explicit column
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
    private static readonly double[] FindingWidths = [18, 12, 24, 24, 12, 36, 44, 14, 12, 12, 18];

    public static readonly string[] MovementHeaders =
    [
        "Since last week's check", "Case reference", "Area", "Rule", "Lead officer", "Person or location", "First seen", "Put right",
        "Weeks carried over",
    ];
    public static readonly string[] UnknownHeaders = ["Case reference", "Area", "Person", "Question", "Age (days)", "Reminders sent", "Link"];
    public static readonly string[] HighRiskHeaders =
        ["Case reference", "Area", "High risk since", "Active marker", "Action plan", "Referrals", "Referred to", "Next review", "Link"];

    /// <summary>Writes the workbook to <paramref name="output"/>, reading each rule's findings as its sheet is written.</summary>
    public static async Task WriteAsync(WeeklyWorkbookData data, Stream output, CancellationToken cancellationToken = default)
    {
        using var workbook = new XlsxWriter(output);
        WorkbookSummarySheet.Write(workbook.AddSheet(SummarySheet, WorkbookSummarySheet.Widths), data);
        foreach (var rule in ComplianceRuleText.All)
        {
            var table = new XlsxTable(workbook.AddSheet(RuleSheet(rule), FindingWidths), FindingHeaders);
            await foreach (var f in data.Findings.ReadAsync(rule, cancellationToken))
            {
                table.Row(new SheetLink(f.Link, f.CaseRef), f.AreaCode, f.LeadOfficer ?? "", f.Sergeant ?? "", DateOnly.FromDateTime(f.Opened),
                    f.Concerned, f.Missing, DateOnly.FromDateTime(f.Since), f.AgeDays, f.WeeksCarried, f.NewOrCarried);
            }

            table.Finish();
        }

        var moved = new XlsxTable(workbook.AddSheet(MovementSheet, [22, 18, 12, 40, 24, 36, 17, 17, 12]), MovementHeaders);
        foreach (var m in data.SinceLastCheck?.Items ?? [])
        {
            moved.Row(StatusWords(m.Status), new SheetLink(m.Link, m.CaseRef), m.AreaCode,
                $"{(int)m.Rule}. {ComplianceRuleText.Title(m.Rule)}", m.Owner ?? "", m.Concerned, m.FirstSeenAt, m.PutRightAt, m.WeeksCarried);
        }

        moved.Finish();

        var unknown = new XlsxTable(workbook.AddSheet(UnknownSheet, [18, 12, 26, 60, 11, 15, 45]), UnknownHeaders);
        foreach (var u in data.UnknownAnswers)
        {
            unknown.Row(u.CaseRef, u.AreaCode, u.Person, u.Question, u.AgeDays, u.RemindersSent, new SheetLink(u.Link));
        }

        unknown.Finish();

        var high = new XlsxTable(workbook.AddSheet(HighRiskSheet, [18, 12, 17, 14, 13, 11, 40, 13, 45]), HighRiskHeaders);
        foreach (var h in data.HighRisk)
        {
            high.Row(h.CaseRef, h.AreaCode, h.Since, h.ActiveMarker ? "Yes" : "No", h.ActionPlan ? "Yes" : "No", h.Referrals,
                h.ReferralAgencies, h.NextReview is { } next ? DateOnly.FromDateTime(next) : null, new SheetLink(h.Link));
        }

        high.Finish();
        workbook.Finish();
    }

    public static string StatusWords(FindingStatus status) => status switch
    {
        FindingStatus.New => WorkbookFinding.New,
        FindingStatus.Carried => WorkbookFinding.Carried,
        _ => "Put right",
    };
}
