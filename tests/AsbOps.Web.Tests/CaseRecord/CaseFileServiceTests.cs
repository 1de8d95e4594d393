using System.Net;
using System.Security.Cryptography;
using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.CaseRecord;

public sealed class CaseFileServiceTests(FilesAppFactory app) : IClassFixture<FilesAppFactory>
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PlanWorld.Clock();

    private CaseFileService Files => PlanWorld.Service<CaseFileService>(app, _clock);

    private Task<CommandResult> UploadAsync(PlanWorld world, string name, byte[] bytes, Agency? sharedWith = null, long? declaredSize = null) =>
        Files.UploadAsync(world.Officer, world.CaseId, new CaseFileInput { FileName = name, Description = "From the victim", SharedWith = sharedWith },
            new MemoryStream(bytes), declaredSize ?? bytes.Length);

    [Fact]
    public async Task AnAcceptedFileIsStoredOutsideTheWebRootUnderAGeneratedNameWithItsHashAndAudited()
    {
        var world = await PlanWorld.CreateAsync(app, "FILA");
        var bytes = SampleFiles.Png();

        var result = await UploadAsync(world, "door damage.png", bytes);

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.CreateDbContext();
        var row = await db.CaseFiles.SingleAsync(f => f.Id == result.Id);
        Assert.Equal(("door damage.png", "image/png", bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes))),
            (row.FileName, row.ContentType, row.SizeBytes, row.Sha256));
        var stored = Path.Combine(app.FilesDirectory, row.StoredName);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        Assert.DoesNotContain("door", row.StoredName);
        Assert.DoesNotContain(Path.GetFullPath("wwwroot-assets"), stored);
        Assert.DoesNotContain(app.StoredFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CaseFile) && e.Action == AuditAction.Create && e.UserId == world.Officer.UserId && e.CaseId == world.CaseId));
    }

    [Fact]
    public async Task TheTypeComesFromTheContentAndTheNameIsMadeSafe()
    {
        var world = await PlanWorld.CreateAsync(app, "FILB");

        var jpegNamedPng = await UploadAsync(world, "photo.png", SampleFiles.Jpeg());
        var docx = await UploadAsync(world, "witness statement.docx", SampleFiles.Docx());
        var oddName = await UploadAsync(world, " diary<3>:\u0007 \"Nov\"?.txt ", SampleFiles.Text());

        await using var db = app.CreateDbContext();
        var rows = await db.CaseFiles.Where(f => f.CaseId == world.CaseId).OrderBy(f => f.Id).Select(f => new { f.FileName, f.ContentType }).ToListAsync();
        Assert.True(jpegNamedPng.Succeeded && docx.Succeeded && oddName.Succeeded);
        Assert.Equal(
            [("photo.png.jpg", "image/jpeg"), ("witness statement.docx", FileContentTypes.Docx.ContentType), ("diary3 Nov.txt", "text/plain")],
            rows.Select(r => (r.FileName, r.ContentType)).ToList());
    }

    public static TheoryData<string, string, string> BadUploads => new()
    {
        { "too big", "notes.txt", "files may be at most 64 KB" },
        { "empty", "empty.txt", "The file is empty." },
        { "program renamed", "holiday.jpg", "This file is a program" },
        { "path", "../../etc/passwd.txt", "folder path" },
        { "windows path", "C:\\Users\\pc\\statement.pdf", "folder path" },
        { "web page", "letter.txt", "Web pages and other markup" },
        { "plain zip", "photos.zip", "Zip archives other than Word and Excel" },
        { "grew after choosing", "notes.txt", "files may be at most 64 KB" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task ABadUploadGetsAClearMessageAndNothingIsStored(string bad, string name, string message)
    {
        var world = await PlanWorld.CreateAsync(app, "FILC");
        var before = app.StoredFiles().Count;
        var (bytes, declared) = bad switch
        {
            "too big" => (SampleFiles.Text(new string('a', (int)FilesAppFactory.MaxBytes + 1)), (long?)null),
            "empty" => ([], null),
            "program renamed" => (SampleFiles.Exe(), null),
            "web page" => (SampleFiles.Html(), null),
            "plain zip" => (SampleFiles.PlainZip(), null),
            "grew after choosing" => (SampleFiles.Text(new string('a', (int)FilesAppFactory.MaxBytes + 10)), 10L),
            _ => (SampleFiles.Pdf(), null),
        };

        var result = await UploadAsync(world, name, bytes, declaredSize: declared);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.ErrorFor(CaseFileService.FileField));
        await using var db = app.CreateDbContext();
        Assert.False(await db.CaseFiles.AnyAsync(f => f.CaseId == world.CaseId));
        Assert.Equal(before, app.StoredFiles().Count);
    }

    [Fact]
    public async Task RetiringNeedsAReasonHidesTheFileAndIsAudited()
    {
        var world = await PlanWorld.CreateAsync(app, "FILD");
        var id = (await UploadAsync(world, "wrong case.pdf", SampleFiles.Pdf())).Id!.Value;

        var noReason = await Files.RetireAsync(world.Officer, world.CaseId, new RetireFileInput { FileId = id, Reason = " ", Version = 0 });
        var retired = await Files.RetireAsync(world.Sergeant, world.CaseId, new RetireFileInput { FileId = id, Reason = "Belongs to another case", Version = 0 });
        var again = await Files.RetireAsync(world.Sergeant, world.CaseId, new RetireFileInput { FileId = id, Reason = "Twice", Version = 0 });

        Assert.Equal("Say why the file is retired.", noReason.ErrorFor(nameof(RetireFileInput.Reason)));
        Assert.True(retired.Succeeded, retired.Message);
        Assert.Equal(CommandOutcome.NotFound, again.Outcome);
        Assert.Empty((await Files.ReadAsync(world.Officer, world.CaseId))!.Files);
        Assert.Null(await Files.OpenForDownloadAsync(world.Officer, world.Reference, id));
        await using var db = app.CreateDbContext();
        var row = await db.CaseFiles.SingleAsync(f => f.Id == id);
        Assert.Equal(("Belongs to another case", world.Sergeant.UserId), (row.RetiredReason, row.RetiredByUserId));
        Assert.True(File.Exists(Path.Combine(app.FilesDirectory, row.StoredName)));
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(CaseFile) && e.EntityId == id.ToString() && e.Action == AuditAction.Update);
        Assert.Contains("Belongs to another case", audit.Changes);
    }

    [Fact]
    public async Task ADownloadIsAnAuditedAttachmentThatIsNeverSniffedOrCached()
    {
        var world = await PlanWorld.CreateAsync(app, "FILE");
        var bytes = SampleFiles.Text();
        var id = (await UploadAsync(world, "diary.txt", bytes)).Id!.Value;
        using var client = await app.CreateSignedInClientAsync(world.Officer.UserName);

        var response = await client.GetAsync($"/cases/{world.Reference}/files/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("diary.txt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CaseFile) && e.EntityId == id.ToString() && e.Action == AuditAction.View && e.UserId == world.Officer.UserId));
    }

    [Fact]
    public async Task APartnerSeesAndDownloadsOnlyFilesSharedWithTheirAgency()
    {
        var world = await PlanWorld.CreateAsync(app, "FILF");
        var shared = (await UploadAsync(world, "for housing.pdf", SampleFiles.Pdf(), Agency.Housing)).Id!.Value;
        var internalOnly = (await UploadAsync(world, "intelligence.pdf", SampleFiles.Pdf())).Id!.Value;
        await using (var db = app.CreateDbContext())
        {
            db.CaseShares.Add(new CaseShare { CaseId = world.CaseId, Agency = Agency.Housing, SharedAt = PlanWorld.Now });
            await db.SaveChangesAsync();
        }

        var partner = await app.AddUserAsync("partner.files@test.local", Web.Security.Roles.Partner, agency: Agency.Housing);
        using var client = await app.CreateSignedInClientAsync(partner.Email!);

        var listed = (await Files.ReadAsync(new Web.Security.UserScope(partner.Id, partner.Email!, Web.Security.Roles.Partner, null, Agency.Housing), world.CaseId))!;
        var sharedResponse = await client.GetAsync($"/cases/{world.Reference}/files/{shared}");
        var internalResponse = await client.GetAsync($"/cases/{world.Reference}/files/{internalOnly}");

        Assert.Equal([shared], listed.Files.Select(f => f.Id));
        Assert.False(listed.CanWrite);
        Assert.Equal(HttpStatusCode.OK, sharedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, internalResponse.StatusCode);
    }
}
