using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>A case file as listed: never its stored name or place.</summary>
public sealed record CaseFileView(
    long Id, int Version, string FileName, string TypeName, long SizeBytes, string Sha256, string? Description, Agency? SharedWith,
    DateTime UploadedAt, string UploadedByName, string DownloadHref);

/// <summary>The files of a case for one reader, and whether the reader may attach and retire files.</summary>
public sealed record CaseFilesModel(IReadOnlyList<CaseFileView> Files, bool CanWrite, long MaxBytes);

/// <summary>What is entered with an upload (the file itself comes as a stream).</summary>
public sealed class CaseFileInput
{
    public string? FileName { get; set; }

    public string? Description { get; set; }

    public Agency? SharedWith { get; set; }
}

/// <summary>A retirement as entered: why, and the file's version when read.</summary>
public sealed class RetireFileInput
{
    public long FileId { get; set; }

    public string? Reason { get; set; }

    public int Version { get; set; }
}

/// <summary>A file a reader may download: where its content is and what to call it.</summary>
public sealed record CaseFileDownload(string Path, string FileName, string ContentType);
