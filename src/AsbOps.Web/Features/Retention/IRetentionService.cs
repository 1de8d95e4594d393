using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Retention;

/// <inheritdoc cref="RetentionService"/>
public interface IRetentionService
{
    /// <summary>Closed cases not yet disposed of whose review is due on or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<RetentionRow>> DueAsync(UserScope user, DateTime dueBy, CancellationToken cancellationToken = default);

    /// <summary>The latest decisions, newest first.</summary>
    Task<IReadOnlyList<RetentionHistoryRow>> HistoryAsync(UserScope user, int take, CancellationToken cancellationToken = default);

    Task<CommandResult> RetainAsync(UserScope user, long caseId, int version, RetainInput input, CancellationToken cancellationToken = default);

    Task<CommandResult> DisposeAsync(UserScope user, long caseId, int version, DisposeInput input, CancellationToken cancellationToken = default);
}
