using AsbOps.Domain.Referrals;

namespace AsbOps.Domain.CaseRecord;

/// <summary>
/// A file attached to a case (a photo, statement, letter, diary, CCTV still). The content is stored outside the web
/// root under <see cref="StoredName"/>, checked by its SHA-256. Files are never deleted: retiring one (with a reason)
/// hides it.
/// </summary>
public sealed class CaseFile
{
    public const int MaxFileName = 200;
    public const int MaxDescription = 500;
    public const int MaxRetireReason = 500;

    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The uploader's file name, made safe: no folders, no control or reserved characters.</summary>
    public required string FileName { get; set; }

    /// <summary>The type found in the content (never the one the browser claimed).</summary>
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The stored file's name in the files directory: generated, never from the uploader.</summary>
    public required string StoredName { get; set; }

    public string? Description { get; set; }

    public Agency? SharedWith { get; set; }

    public DateTime UploadedAt { get; set; }

    public string? UploadedByUserId { get; set; }

    public required string UploadedByName { get; set; }

    public DateTime? RetiredAt { get; set; }

    public string? RetiredByUserId { get; set; }

    public string? RetiredReason { get; set; }

    public int Version { get; set; }
}
