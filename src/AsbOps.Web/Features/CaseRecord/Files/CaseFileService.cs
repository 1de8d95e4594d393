using System.Globalization;
using System.Security.Cryptography;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>
/// Files attached to a case. An upload is streamed to a temporary file in the files directory while its SHA-256 and
/// size are taken, its type is read from its content, and only then is it moved under a generated name and its row
/// saved; a refused upload leaves neither file nor row. Files are never deleted: retiring one (with a reason) hides it.
/// Partners see and download only files shared with their agency, on cases shared with it; every download is audited.
/// </summary>
public sealed class CaseFileService(
    IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, AuditTrail audit, IOptions<FilesOptions> options, IHostEnvironment environment)
    : ICaseFileService
{
    public const string FileField = "File";
    public const string AuditEntityType = nameof(CaseFile);

    public string Directory => Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public long MaxBytes => options.Value.MaxBytes;

    public static string DownloadPath(string caseRef, long fileId) =>
        $"/cases/{caseRef}/files/{fileId.ToString(CultureInfo.InvariantCulture)}";

    public async Task<CaseFilesModel?> ReadAsync(UserScope user, long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var rows = await Visible(db, user).Where(f => f.CaseId == caseId)
            .OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id)
            .ToListAsync(cancellationToken);
        var names = FileContentTypes.All.ToDictionary(t => t.ContentType, t => t.Name, StringComparer.Ordinal);
        return new CaseFilesModel(
            rows.Select(f => new CaseFileView(f.Id, f.Version, f.FileName, names.GetValueOrDefault(f.ContentType, f.ContentType), f.SizeBytes, f.Sha256,
                f.Description, f.SharedWith, f.UploadedAt, f.UploadedByName, DownloadPath(@case.Reference, f.Id))).ToList(),
            @case.IsOpen && CaseRecordAccess.CanWrite(user),
            MaxBytes);
    }

    /// <summary>Field errors of an upload known before its content is read: name, declared size, description, agency.</summary>
    public Dictionary<string, string> ValidateBefore(CaseFileInput input, long declaredSize)
    {
        var errors = new Dictionary<string, string>();
        if (FileNames.Problem(input.FileName) is { } nameProblem)
        {
            errors[FileField] = nameProblem;
        }
        else if (declaredSize <= 0)
        {
            errors[FileField] = "The file is empty.";
        }
        else if (declaredSize > MaxBytes)
        {
            errors[FileField] = TooBig(declaredSize);
        }

        if (input.Description is { } description && description.Trim().Length > CaseFile.MaxDescription)
        {
            errors[nameof(CaseFileInput.Description)] = $"At most {CaseFile.MaxDescription} characters.";
        }

        if (input.SharedWith is { } agency && !Enum.IsDefined(agency))
        {
            errors[nameof(CaseFileInput.SharedWith)] = "Choose a partner agency, or keep the file to the force.";
        }

        return errors;
    }

    public async Task<CommandResult> UploadAsync(
        UserScope user, long caseId, CaseFileInput input, Stream content, long declaredSize, CancellationToken cancellationToken = default)
    {
        await using var db = await CaseRecordAccess.OpenAsync(dbFactory, user, clock, cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        if (@case is null || !CaseRecordAccess.CanWrite(user))
        {
            return CommandResult.NotFound();
        }

        if (!@case.IsOpen)
        {
            return CommandResult.Refused($"Case {@case.Reference} is closed; attach no new files to it.");
        }

        var errors = ValidateBefore(input, declaredSize);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        System.IO.Directory.CreateDirectory(Directory);
        var storedName = Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(Directory, $".upload-{storedName}.tmp");
        var final = Path.Combine(Directory, storedName);
        try
        {
            var (size, hash) = await CopyAsync(content, temporary, cancellationToken);
            var refusal = size == 0 ? "The file is empty." : size > MaxBytes ? TooBig(size) : null;
            var (type, typeRefusal) = refusal is null ? FileContentTypes.Detect(temporary) : (null, null);
            if ((refusal ?? typeRefusal) is { } problem)
            {
                return CommandResult.Invalid(new Dictionary<string, string> { [FileField] = problem });
            }

            File.Move(temporary, final);
            var file = new CaseFile
            {
                CaseId = caseId,
                FileName = FileNames.Sanitise(input.FileName!, type!, CaseFile.MaxFileName),
                ContentType = type!.ContentType,
                SizeBytes = size,
                Sha256 = hash,
                StoredName = storedName,
                Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
                SharedWith = input.SharedWith,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
                UploadedByUserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId,
                UploadedByName = await CaseRecordAccess.DisplayNameAsync(db, user, cancellationToken),
            };
            db.CaseFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved(file.Id);
        }
        catch
        {
            // The row did not commit: its content goes too, so nothing is half-stored.
            File.Delete(final);
            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<CommandResult> RetireAsync(UserScope user, long caseId, RetireFileInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await CaseRecordAccess.OpenAsync(dbFactory, user, clock, cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        var file = @case is null
            ? null
            : await db.CaseFiles.FirstOrDefaultAsync(f => f.Id == input.FileId && f.CaseId == caseId && f.RetiredAt == null, cancellationToken);
        if (file is null || !CaseRecordAccess.CanWrite(user))
        {
            return CommandResult.NotFound();
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(RetireFileInput.Reason)] = "Say why the file is retired." });
        }

        if (input.Reason.Trim().Length > CaseFile.MaxRetireReason)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(RetireFileInput.Reason)] = $"At most {CaseFile.MaxRetireReason} characters." });
        }

        db.Entry(file).Property(f => f.Version).OriginalValue = input.Version;
        file.RetiredAt = clock.GetUtcNow().UtcDateTime;
        file.RetiredByUserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId;
        file.RetiredReason = input.Reason.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        return CommandResult.Saved(file.Id);
    }

    /// <summary>The file, when this reader may see it (the case rule, then the file's sharing for partners); the download is audited.</summary>
    public async Task<CaseFileDownload?> OpenForDownloadAsync(UserScope user, string caseRef, long fileId, CancellationToken cancellationToken = default)
    {
        if (!CaseReference.TryParse(caseRef, out var parsed))
        {
            return null;
        }

        var reference = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await Visible(db, user)
            .Where(f => f.Id == fileId && db.Cases.VisibleTo(db, user).Any(c => c.Id == f.CaseId && c.Reference == reference))
            .Select(f => new { f.Id, f.CaseId, f.StoredName, f.FileName, f.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        var path = Path.Combine(Directory, file.StoredName);
        if (!File.Exists(path))
        {
            return null;
        }

        await audit.RecordViewAsync(user, AuditEntityType, file.Id, file.CaseId, cancellationToken);
        return new CaseFileDownload(path, file.FileName, file.ContentType);
    }

    private string TooBig(long size) =>
        $"The file is {Megabytes(size)}; files may be at most {Megabytes(MaxBytes)}.";

    /// <summary>Rounded up, so a file just over the limit never reads as equal to it.</summary>
    private static string Megabytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes * 10 / (1024d * 1024)) / 10:0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB");

    /// <summary>Copies at most one byte past the limit, hashing as it goes; a larger stream is cut off there (and refused).</summary>
    private async Task<(long Size, string Hash)> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while (size <= MaxBytes && (read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The files a reader may see: not retired; partners only those shared with their agency.</summary>
    private static IQueryable<CaseFile> Visible(AsbOpsDbContext db, UserScope user)
    {
        var files = db.CaseFiles.AsNoTracking().Where(f => f.RetiredAt == null);
        if (user.IsPartner)
        {
            var agency = user.Agency;
            files = agency is null ? files.Where(_ => false) : files.Where(f => f.SharedWith == agency);
        }

        return files;
    }
}
