using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.People;

/// <summary>The flags set by hand on a person.</summary>
public sealed record PersonFlags(bool Vulnerable, bool RepeatVictim, bool SafeguardingConcern);

/// <inheritdoc cref="PersonRecordService"/>
public interface IPersonRecordService
{
    Task<CommandResult> SetFlagsAsync(UserScope user, long personId, PersonFlags flags, int version, CancellationToken cancellationToken = default);

    Task<CommandResult> MergeAsync(UserScope user, long survivorId, int survivorVersion, long duplicateId, CancellationToken cancellationToken = default);
}
