using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.CaseRecord;

/// <summary>
/// The demo officer attaches files and writes notes on a case shared with the local authority; the demo partner (local
/// authority) then sees only what was shared with them.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class CaseFilesAndNotesTests(LiveAppFixture app)
{
    [Fact]
    public async Task BadUploadsAreRefusedBesideTheFieldAndThePartnerSeesOnlyWhatWasSharedWithThem()
    {
        var reference = await ACharnwoodCaseSharedWithTheLocalAuthorityAsync();
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var officer = await app.SignInAsync("officer@demo.local");
        await officer.GotoAsync($"/cases/{reference}");
        await officer.WaitForInteractiveAsync();
        var files = officer.GetByTestId("case-files");

        await UploadAsync(officer, "holiday.jpg", [(byte)'M', (byte)'Z', .. new byte[4096]]);
        await Assertions.Expect(files.GetByTestId("error-File")).ToContainTextAsync("This file is a program");
        await UploadAsync(officer, "empty.txt", []);
        await Assertions.Expect(files.GetByTestId("error-File")).ToHaveTextAsync("The file is empty.");
        await Assertions.Expect(files.GetByTestId("case-file").Filter(new() { HasText = "holiday" })).ToHaveCountAsync(0);

        await ChooseAsync(officer, "file-shared-with", "Local authority");
        await UploadAsync(officer, $"council-{stamp}.txt", "Diary copy for the council.\n"u8.ToArray());
        await Assertions.Expect(files.GetByTestId("case-file").Filter(new() { HasText = $"council-{stamp}.txt" })).ToHaveCountAsync(1);
        await UploadAsync(officer, $"police-{stamp}.txt", "Intelligence: force only.\n"u8.ToArray());
        await Assertions.Expect(files.GetByTestId("case-file").Filter(new() { HasText = $"police-{stamp}.txt" })).ToHaveCountAsync(1);

        await officer.GetByTestId("note-text").FillAsync($"Shared note {stamp}");
        await ChooseAsync(officer, "note-shared-with", "Local authority");
        await officer.GetByTestId("note-save").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-note").Filter(new() { HasText = $"Shared note {stamp}" })).ToHaveCountAsync(1);
        await officer.GetByTestId("note-text").FillAsync($"Force note {stamp}");
        await officer.GetByTestId("note-save").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-note").Filter(new() { HasText = $"Force note {stamp}" })).ToHaveCountAsync(1);

        var partner = await app.SignInAsync("partner@demo.local");
        await partner.GotoAsync($"/cases/{reference}");
        await partner.WaitForInteractiveAsync();
        var partnerFiles = partner.GetByTestId("case-files");
        await Assertions.Expect(partnerFiles.GetByTestId("case-file").Filter(new() { HasText = $"council-{stamp}.txt" })).ToHaveCountAsync(1);
        await Assertions.Expect(partnerFiles.GetByTestId("case-file").Filter(new() { HasText = $"police-{stamp}.txt" })).ToHaveCountAsync(0);
        await Assertions.Expect(partnerFiles.GetByTestId("file-form")).ToHaveCountAsync(0);
        await Assertions.Expect(partner.GetByTestId("case-note").Filter(new() { HasText = $"Shared note {stamp}" })).ToHaveCountAsync(1);
        await Assertions.Expect(partner.GetByTestId("case-note").Filter(new() { HasText = $"Force note {stamp}" })).ToHaveCountAsync(0);
        await Assertions.Expect(partner.GetByTestId("victim-contacts")).ToHaveCountAsync(0);

        var download = await partner.RunAndWaitForDownloadAsync(() =>
            partnerFiles.GetByTestId("case-file").Filter(new() { HasText = $"council-{stamp}.txt" }).GetByTestId("file-download").ClickAsync());
        Assert.Equal($"council-{stamp}.txt", download.SuggestedFilename);
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        await page.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
        await page.GetByTestId("file-upload").ClickAsync();
    }

    /// <summary>Opens a MudSelect by its hook and picks the item with that text from its popover.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string item)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// An open CHARNWOOD case shared with the local authority. The demo force is drawn afresh for each day, so on some
    /// days no open case there carries that share; then the oldest open case is shared, as a referral would share it.
    /// </summary>
    private async Task<string> ACharnwoodCaseSharedWithTheLocalAuthorityAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var open = db.Cases.Where(c => (c.Status == CaseStatus.Open || c.Status == CaseStatus.UnderReview)
            && db.Areas.Any(a => a.Id == c.AreaId && a.Code == "CHARNWOOD"));
        var shared = await open
            .Where(c => db.CaseShares.Any(s => s.CaseId == c.Id && s.Agency == Agency.LocalAuthority))
            .OrderBy(c => c.Id)
            .Select(c => c.Reference)
            .FirstOrDefaultAsync();
        if (shared is not null)
        {
            return shared;
        }

        var chosen = await open.OrderBy(c => c.Id).FirstAsync();
        var officer = await db.Users.SingleAsync(u => u.Email == "officer@demo.local");
        db.CaseShares.Add(new CaseShare { CaseId = chosen.Id, Agency = Agency.LocalAuthority, SharedAt = DateTime.UtcNow, SharedByUserId = officer.Id });
        await db.SaveChangesAsync();
        return chosen.Reference;
    }
}
