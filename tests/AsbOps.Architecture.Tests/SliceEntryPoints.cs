namespace AsbOps.Architecture.Tests;

/// <summary>
/// The only types one slice may use of another, each with the reason it is shared rather than moved to a common home.
/// Everything else a slice needs from elsewhere comes from the Domain, a host folder or <c>Components/Shared</c>.
/// </summary>
public static class SliceEntryPoints
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>
    {
        ["AsbOps.Web.Features.Compliance.ComplianceOptions"] =
            "The thresholds of the compliance rules (grace period, action-plan hours, review cadence): every slice that applies a rule reads the same settings.",
        ["AsbOps.Web.Features.Compliance.CaseRulePredicates"] =
            "The compliance rules as query expressions: the dashboard's queues and the review reminders list exactly the cases the rules find.",
        ["AsbOps.Web.Features.Compliance.IComplianceQueries"] = "The sweep history, drawn as the trend on the dashboard.",
        ["AsbOps.Web.Features.Compliance.SnapshotPoint"] = "One point of that history (dashboard trend, guidance metrics).",
        ["AsbOps.Web.Features.HighRisk.HighRiskProcedure"] =
            "The high-risk procedure runs inside the saves of assessments, approvals and case reviews, in their transaction.",
        ["AsbOps.Web.Features.HighRisk.CaseRiskOutcome"] = "What the procedure decided, returned to the save that ran it.",
        ["AsbOps.Web.Features.Intake.Repeat.PersonRepeatCheck"] =
            "Repeat detection is intake's; the assessment form shows a person's repeat finding beside the questions.",
        ["AsbOps.Web.Features.Intake.Repeat.RepeatFinding"] = "The finding PersonRepeatCheck returns.",
        ["AsbOps.Web.Features.Intake.Repeat.RepeatIncident"] = "One incident of a RepeatFinding.",
        ["AsbOps.Web.Features.CaseRecord.CaseRecordSections"] =
            "The case record's notes, victim contacts and files, placed on the case page as one block.",
        ["AsbOps.Web.Features.CaseRecord.Files.FilesOptions"] =
            "Where case files are stored: disposing of a closed case (retention) deletes its files' contents there.",
        ["AsbOps.Web.Features.Retention.RetentionOptions"] =
            "Years after closing when a case's retention is reviewed: closing a case sets its review date.",
        ["AsbOps.Web.Features.CaseReviews.CaseReviewPromptSection"] =
            "The ASB Case Review prompt (a victim reported again) and the applications about the case, placed on the case page.",
        ["AsbOps.Web.Features.Alerts.AlertsBadge"] = "The header's alert count, placed by the layout.",
        ["AsbOps.Web.Features.Dashboard.HighRiskAlertListener"] = "The high-risk pop-up every staff page shows, placed by the layout.",
    };
}
