using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Notes;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.CaseRecord;

public sealed class CaseNotesSectionTests : BunitTestBase
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeCaseNoteService _notes = new();

    public CaseNotesSectionTests()
    {
        Services.AddSingleton<ICaseNoteService>(_notes);
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
    }

    [Fact]
    public void NotesShowNewestFirstWithTheCorrectedOneMarkedAndNoCorrectButton()
    {
        _notes.Stored =
        [
            new CaseNoteView(2, Now, "PC Two", "Seen on 4 Nov.", Agency.Housing, 1, null),
            new CaseNoteView(1, Now.AddHours(-2), "PC One", "Seen on 3 Nov.", null, null, 2),
        ];

        var section = Render<CaseNotesSection>(p => p.Add(x => x.CaseId, 7));

        var notes = section.FindAll("[data-testid=case-note]");
        Assert.Equal(["false", "true"], notes.Select(n => n.GetAttribute("data-corrected")));
        Assert.Contains("Shared with Housing", notes[0].TextContent);
        Assert.Contains("Force only", notes[1].TextContent);
        Assert.Single(notes[1].QuerySelectorAll("[data-testid=note-corrected]"));
        Assert.Empty(notes[1].QuerySelectorAll("[data-testid=note-correct]"));
        Assert.Single(notes[0].QuerySelectorAll("[data-testid=note-correct]"));
    }

    [Fact]
    public void SavingAnEmptyNoteShowsTheMessageBesideTheFieldAndSavesNothing()
    {
        var section = Render<CaseNotesSection>(p => p.Add(x => x.CaseId, 7));

        section.Find("form").Submit();

        var field = section.Find("[data-testid=note-text]").Closest(".mud-input-control")!;
        Assert.Contains("Write the note.", field.TextContent);
        Assert.Empty(_notes.Added);
    }

    [Fact]
    public void CorrectingANoteStartsFromItsTextAndSavesAPointerToIt()
    {
        _notes.Stored = [new CaseNoteView(5, Now, "PC One", "Seen on 3 Nov.", Agency.Housing, null, null)];
        var section = Render<CaseNotesSection>(p => p.Add(x => x.CaseId, 7));

        section.Find("button[data-testid=note-correct]").Click();
        Assert.Contains("Correcting the note of", section.Find("[data-testid=note-correcting]").TextContent);
        section.Find("form").Submit();

        var (caseId, input) = Assert.Single(_notes.Added);
        Assert.Equal((7L, 5L, "Seen on 3 Nov.", Agency.Housing), (caseId, input.CorrectsNoteId!.Value, input.Text, input.SharedWith!.Value));
        Assert.Empty(section.FindAll("[data-testid=note-correcting]"));
    }
}
