using AsbOps.Domain.Referrals;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.CaseRecord;

public sealed class CaseFilesSectionTests : BunitTestBase
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeCaseFileService _files = new();

    public CaseFilesSectionTests()
    {
        Services.AddSingleton<ICaseFileService>(_files);
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
    }

    [Fact]
    public void EachFileLinksToItsDownloadAddressAsADownloadAndShowsWhoMaySeeIt()
    {
        _files.Model = new CaseFilesModel(
            [new CaseFileView(3, 0, "diary.txt", "plain text", 2048, new string('a', 64), "Victim's diary", Agency.Housing, Now, "PC One", "/cases/ASB-2026-000001/files/3")],
            CanWrite: true, MaxBytes: 25L * 1024 * 1024);

        var section = Render<CaseFilesSection>(p => p.Add(x => x.CaseId, 7));

        var link = section.Find("[data-testid=case-file] a[data-testid=file-download]");
        Assert.Equal(("/cases/ASB-2026-000001/files/3", "diary.txt"), (link.GetAttribute("href"), link.GetAttribute("download")));
        Assert.Contains("Shared with Housing", section.Find("[data-testid=case-file]").TextContent);
        Assert.Contains("at most 25 MB", section.Find("[data-testid=file-form]").TextContent);
    }

    [Fact]
    public void AttachingWithoutAFileSaysSoBesideTheFileFieldAndUploadsNothing()
    {
        var section = Render<CaseFilesSection>(p => p.Add(x => x.CaseId, 7));

        section.Find("[data-testid=file-form]").Submit();

        Assert.Equal("Choose a file to attach.", section.Find("[data-testid=error-File]").TextContent.Trim());
        Assert.Equal(0, _files.Uploads);
        Assert.Contains("No files yet", section.Markup);
    }

    [Fact]
    public void APartnerWithoutRightsSeesNoUploadForm()
    {
        _files.Model = new CaseFilesModel([], CanWrite: false, MaxBytes: 1024);

        var section = Render<CaseFilesSection>(p => p.Add(x => x.CaseId, 7));

        Assert.Empty(section.FindAll("[data-testid=file-form]"));
        Assert.Contains("No files to show.", section.Markup);
    }
}
