using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.CaseRecord.Files;

/// <inheritdoc cref="CaseFileService"/>
public interface ICaseFileService
{
    long MaxBytes { get; }

    Task<CaseFilesModel?> ReadAsync(UserScope user, long caseId, CancellationToken cancellationToken = default);

    Dictionary<string, string> ValidateBefore(CaseFileInput input, long declaredSize);

    Task<CommandResult> UploadAsync(UserScope user, long caseId, CaseFileInput input, Stream content, long declaredSize, CancellationToken cancellationToken = default);

    Task<CommandResult> RetireAsync(UserScope user, long caseId, RetireFileInput input, CancellationToken cancellationToken = default);

    Task<CaseFileDownload?> OpenForDownloadAsync(UserScope user, string caseRef, long fileId, CancellationToken cancellationToken = default);
}
