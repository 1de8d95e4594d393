using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.CaseRecord.Notes;

/// <inheritdoc cref="CaseNoteService"/>
public interface ICaseNoteService
{
    Task<CaseNotesModel?> ReadAsync(UserScope user, long caseId, string? search = null, CancellationToken cancellationToken = default);

    Task<CommandResult> AddAsync(UserScope user, long caseId, CaseNoteInput input, CancellationToken cancellationToken = default);
}
