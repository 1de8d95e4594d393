using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.MyWork;

/// <summary>The kinds of work the "my work" list shows, in the words an officer uses.</summary>
public enum DueKind
{
    PersonNotAssessed,
    UnknownAnswers,
    ActionPlanDue,
    VictimContactDue,
    ReviewDue,
    ComplianceFinding,

    /// <summary>A victim reported again within the window: tell them about the ASB Case Review (or dismiss, with a reason).</summary>
    CaseReviewPrompt,
}

/// <summary>One thing due on one case, with the page where it is done. <see cref="DueAt"/> is null when it has no date.</summary>
public sealed record DueItem(
    DueKind Kind,
    string CaseReference,
    RiskLevel CaseRisk,
    string What,
    DateTime? DueAt,
    bool Overdue,
    string Href,
    string? OfficerId);

/// <summary>The work of one officer, most urgent first.</summary>
public sealed record OfficerWork(string? OfficerId, string OfficerName, IReadOnlyList<DueItem> Items);
