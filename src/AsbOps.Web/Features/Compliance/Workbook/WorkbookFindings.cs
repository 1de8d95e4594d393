using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// A week's findings, one rule at a time, as the workbook writes them: read from the snapshot as the rule's sheet is
/// written (<see cref="SnapshotWorkbookFindings"/>), or held in memory (<see cref="Of"/>, for a hand-built week).
/// </summary>
public abstract class WorkbookFindings
{
    /// <summary>The rule's findings, oldest first.</summary>
    public abstract IAsyncEnumerable<WorkbookFinding> ReadAsync(ComplianceRule rule, CancellationToken cancellationToken = default);

    public static WorkbookFindings Of(IReadOnlyDictionary<ComplianceRule, IReadOnlyList<WorkbookFinding>> findings) => new Held(findings);

    private sealed class Held(IReadOnlyDictionary<ComplianceRule, IReadOnlyList<WorkbookFinding>> findings) : WorkbookFindings
    {
        public override IAsyncEnumerable<WorkbookFinding> ReadAsync(ComplianceRule rule, CancellationToken cancellationToken = default) =>
            (findings.GetValueOrDefault(rule) ?? []).ToAsyncEnumerable();
    }
}
