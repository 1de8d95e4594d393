using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Cases;

/// <summary>The case list's data: one page of the cases a user may see, filtered and sorted.</summary>
public interface ICaseListService
{
    Task<CaseListResult> SearchAsync(UserScope user, CaseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The areas the user may filter by: all of them, or only their own for area-restricted staff.</summary>
    Task<IReadOnlyList<AreaInfo>> GetAreasAsync(UserScope user, CancellationToken cancellationToken = default);
}
