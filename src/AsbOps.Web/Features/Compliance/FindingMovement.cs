using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance;

/// <summary>Where a finding stands against the last weekly check.</summary>
public enum FindingStatus
{
    /// <summary>First seen after the last weekly check and still open.</summary>
    New,

    /// <summary>On the last weekly check's list and still open.</summary>
    Carried,

    /// <summary>On the last weekly check's list and put right since.</summary>
    PutRight,
}

/// <summary>New, carried over and put right in one group (an area, an officer, a rule, or all).</summary>
public sealed record MovementCounts(string Key, string Name, int New, int Carried, int PutRight, int LongestCarriedWeeks)
{
    public int Open => New + Carried;
}

/// <summary>One finding's life as the movement since the last check sees it, for the workbook's list.</summary>
public sealed record FindingMovementItem(
    FindingStatus Status, ComplianceRule Rule, long CaseId, string CaseRef, string AreaCode, string? Owner, string Concerned,
    DateTime FirstSeenAt, DateTime? PutRightAt, int WeeksCarried)
{
    /// <summary>The case's address in the app (set by the workbook, which knows the app's base address).</summary>
    public string Link { get; init; } = "";
}

/// <summary>
/// What changed since the last weekly check, from the lives of findings: new, carried over (and for how many weekly
/// checks) and put right, in total, per area, per lead officer and per rule. <see cref="LastCheckAt"/> is null before
/// the first weekly check (then everything open is new).
/// </summary>
public sealed record FindingMovement(
    DateTime AsOf,
    DateTime? LastCheckAt,
    MovementCounts Total,
    IReadOnlyList<MovementCounts> ByArea,
    IReadOnlyList<MovementCounts> ByOfficer,
    IReadOnlyDictionary<ComplianceRule, MovementCounts> ByRule,
    IReadOnlyList<FindingMovementItem> Items);
