using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance.WhatIf;

/// <summary>
/// Which complete assessments a what-if replays: completed from <see cref="From"/> to <see cref="To"/> (whole days),
/// optionally in one area and for one role (<see cref="LocationRole"/> for location assessments).
/// </summary>
public sealed record WhatIfFilter(DateOnly From, DateOnly To, int? AreaId = null, string? Role = null)
{
    public const string LocationRole = "location";

    public static IReadOnlyList<(string Value, string Label)> Roles { get; } =
    [
        (nameof(PersonRole.Victim), "Victims"),
        (nameof(PersonRole.Perpetrator), "Perpetrators"),
        (nameof(PersonRole.Witness), "Witnesses"),
        (LocationRole, "Locations"),
    ];
}

/// <summary>A question, a floor rule or the bands, and how many changed assessments it moved up or down.</summary>
public sealed record WhatIfDriver(string Kind, string Name, int Raised, int Lowered)
{
    public int Total => Raised + Lowered;
}

/// <summary>A month's cases entering high risk: as stored, and under the draft.</summary>
public sealed record WhatIfMonth(string Label, int HighNow, int HighDraft);

/// <summary>
/// The high-risk workload now and under the draft, from the product's high-risk procedure: each high case needs an
/// action plan and is reviewed by the sergeant every <see cref="ReviewCadence.HighDays"/> days (medium and low at their
/// cadence), and each high-risk subject (person or location) carries a history marker.
/// </summary>
public sealed record WhatIfWorkload(
    int HighCasesNow, int HighCasesDraft, int MarkersNow, int MarkersDraft, int ActionPlansNow, int ActionPlansDraft,
    double ReviewsPerMonthNow, double ReviewsPerMonthDraft);

/// <summary>One assessment whose level would change (only for users who may see cases).</summary>
public sealed record WhatIfChange(long AssessmentId, string CaseReference, string Subject, RiskLevel From, RiskLevel To, string Drivers);

/// <summary>
/// The result of replaying a draft: counts, the from × to matrix (<see cref="Matrix"/>[from, to] by <see cref="RiskLevel"/>
/// value), the drivers, the workload and — when allowed — the changed assessments (the first <see cref="ChangesShown"/>).
/// </summary>
public sealed record WhatIfResult(
    WhatIfFilter Filter,
    int Assessments,
    int ChangedAssessments,
    int Cases,
    int ChangedCases,
    int[,] Matrix,
    IReadOnlyList<WhatIfDriver> Drivers,
    IReadOnlyList<WhatIfMonth> Months,
    WhatIfWorkload Workload,
    IReadOnlyList<WhatIfChange>? Changes)
{
    public const int ChangesShown = 500;

    public static IReadOnlyList<RiskLevel> Levels { get; } = [RiskLevel.Low, RiskLevel.Medium, RiskLevel.High];

    public int Raised => Levels.Sum(f => Levels.Where(t => t > f).Sum(t => Matrix[(int)f, (int)t]));

    public int Lowered => Levels.Sum(f => Levels.Where(t => t < f).Sum(t => Matrix[(int)f, (int)t]));
}
