using AsbOps.Web.Security;

namespace AsbOps.Web.Features.People;

/// <inheritdoc cref="PersonViewService"/>
public interface IPersonViewService
{
    Task<PersonView?> GetAsync(UserScope user, long personId, CancellationToken cancellationToken = default);
}
