using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Data.Seeding;

/// <summary>Which assessment a case of the backlog is still missing.</summary>
internal enum DemoBacklog
{
    None = 0,
    VictimUnassessed = 1,
    PerpetratorUnassessed = 2,
    LocationUnassessed = 3,

    /// <summary>Opened in the last day: not assessed yet, and not yet late.</summary>
    NotYetAssessed = 4,
}

/// <summary>The skeleton of one case, decided up front so that references follow opening order.</summary>
internal sealed class DemoCasePlan
{
    public required int AreaIndex { get; init; }

    public required AsbCategory Category { get; init; }

    public required DateTime FirstReportAt { get; init; }

    public required DateTime OpenedAt { get; init; }

    /// <summary>How serious the problem is, 0–1; the answers of its assessments follow it.</summary>
    public required double Severity { get; init; }

    public DateTime? ClosedAt { get; init; }

    public ClosureReason? ClosureReason { get; init; }

    public bool UnderReview { get; init; }

    public DemoBacklog Backlog { get; set; }

    public CaseReference Reference { get; set; }

    public bool IsClosed => ClosedAt is not null;
}
