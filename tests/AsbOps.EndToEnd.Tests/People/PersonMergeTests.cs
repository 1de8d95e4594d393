using AsbOps.Domain.Cases;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.People;

/// <summary>
/// The same witness was entered twice, on two Charnwood cases; the demo sergeant merges the second record into the first
/// from the person page, and both record numbers open the surviving record, which lists both cases.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class PersonMergeTests(LiveAppFixture app)
{
    [Fact]
    public async Task ASergeantMergesTwoRecordsOfTheSamePersonAndBothNumbersOpenTheSurvivor()
    {
        var (survivor, duplicate, caseA, caseB) = await TheSameWitnessEnteredTwiceAsync();
        var page = await app.SignInAsync("sergeant@demo.local");
        await page.GotoAsync($"/people/{survivor}");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("merge-duplicate-id").FillAsync(duplicate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("merge-person").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync($"Merge record {duplicate} into this one?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Merge records", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText($"Record {duplicate} merged into this record.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("person-id")).ToHaveTextAsync($"Record {survivor}");
        await Assertions.Expect(page.GetByText(caseB).First).ToBeVisibleAsync();

        await page.GotoAsync($"/people/{duplicate}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("person-id")).ToHaveTextAsync($"Record {survivor}");
        await Assertions.Expect(page.GetByTestId("person-merged-from")).ToContainTextAsync($"Record {duplicate} was merged");
        await Assertions.Expect(page.GetByText(caseA).First).ToBeVisibleAsync();

        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        Assert.Equal(survivor, await db.People.Where(p => p.Id == duplicate).Select(p => p.MergedIntoId).SingleAsync());
        Assert.Equal(2, await db.CaseParticipants.CountAsync(p => p.PersonId == survivor));
    }

    /// <summary>Two open Charnwood cases, each with a new witness record of the same name.</summary>
    private async Task<(long Survivor, long Duplicate, string CaseA, string CaseB)> TheSameWitnessEnteredTwiceAsync()
    {
        var name = "Merge" + Guid.NewGuid().ToString("N")[..6];
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var cases = await db.Cases
            .Where(c => c.Status != CaseStatus.Closed && db.Areas.Any(a => a.Id == c.AreaId && a.Code == "CHARNWOOD"))
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Reference }).Take(2).ToListAsync();
        var records = cases.Select(c => new CaseParticipant
        {
            CaseId = c.Id,
            Role = PersonRole.Witness,
            AddedAt = DateTime.UtcNow.AddDays(-1),
            Person = new Person { FirstName = "Dana", LastName = name, SearchName = Person.ToSearchName("Dana", name) },
        }).ToList();
        db.CaseParticipants.AddRange(records);
        await db.SaveChangesAsync();
        return (records[0].PersonId, records[1].PersonId, cases[0].Reference, cases[1].Reference);
    }
}
