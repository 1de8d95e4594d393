using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Notes;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AsbOps.Web.Features.CaseRecord.Notes.CaseNoteValidation;

namespace AsbOps.Web.Tests.CaseRecord;

public sealed class CaseNoteServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PlanWorld.Clock();

    private CaseNoteService Notes => PlanWorld.Service<CaseNoteService>(app, _clock);

    private static CaseNoteInput Note(string text, Agency? sharedWith = null, long? corrects = null) =>
        new() { Text = text, SharedWith = sharedWith, CorrectsNoteId = corrects };

    [Fact]
    public async Task ANoteIsDatedAuthoredListedNewestFirstAndAudited()
    {
        var world = await PlanWorld.CreateAsync(app, "NOTA");
        var first = await Notes.AddAsync(world.Officer, world.CaseId, Note("  Spoke to the housing officer.  "));
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await Notes.AddAsync(world.Sergeant, world.CaseId, Note("Reviewed the CCTV request."));

        var read = await Notes.ReadAsync(world.Officer, world.CaseId);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(
            [("Reviewed the CCTV request.", $"Sgt {world.AreaCode}", PlanWorld.Now.AddHours(1)), ("Spoke to the housing officer.", $"PC {world.AreaCode}", PlanWorld.Now)],
            read!.Notes.Select(n => (n.Text, n.AuthorName, n.WrittenAt)).ToList());
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(CaseNote) && e.EntityId == first.Id!.Value.ToString());
        Assert.Equal((AuditAction.Create, world.Officer.UserId, world.CaseId), (audit.Action, audit.UserId, audit.CaseId));
    }

    [Fact]
    public async Task ACorrectionIsANewNoteAndTheOriginalStaysMarkedCorrected()
    {
        var world = await PlanWorld.CreateAsync(app, "NOTB");
        var original = (await Notes.AddAsync(world.Officer, world.CaseId, Note("Victim seen on 3 Nov."))).Id!.Value;

        var correction = await Notes.AddAsync(world.Officer, world.CaseId, Note("Victim seen on 4 Nov, not 3 Nov.", corrects: original));
        var again = await Notes.AddAsync(world.Sergeant, world.CaseId, Note("Another correction.", corrects: original));

        Assert.True(correction.Succeeded);
        Assert.Equal(CommandOutcome.Invalid, again.Outcome);
        Assert.Contains("already been corrected", again.ErrorFor(Fields.CorrectsNoteId));
        var notes = (await Notes.ReadAsync(world.Officer, world.CaseId))!.Notes;
        var kept = Assert.Single(notes, n => n.Id == original);
        Assert.Equal(("Victim seen on 3 Nov.", correction.Id), (kept.Text, kept.CorrectedByNoteId));
        Assert.Equal(original, Assert.Single(notes, n => n.Id == correction.Id).CorrectsNoteId);
        Assert.Equal(2, notes.Count);
    }

    [Fact]
    public async Task ACorrectionMustPointAtANoteOfTheSameCase()
    {
        var world = await PlanWorld.CreateAsync(app, "NOTC");
        var other = await PlanWorld.CreateAsync(app, "NOTC");
        var elsewhere = (await Notes.AddAsync(other.Officer, other.CaseId, Note("On another case."))).Id!.Value;

        var result = await Notes.AddAsync(world.Officer, world.CaseId, Note("Correcting a stranger.", corrects: elsewhere));

        Assert.Equal("The note to correct is not on this case.", result.ErrorFor(Fields.CorrectsNoteId));
        await using var db = app.CreateDbContext();
        Assert.False(await db.CaseNotes.AnyAsync(n => n.CaseId == world.CaseId));
    }

    [Fact]
    public async Task APartnerSeesOnlyNotesSharedWithTheirAgencyAndCannotWrite()
    {
        var world = await PlanWorld.CreateAsync(app, "NOTD");
        await ShareAsync(world.CaseId, Agency.Housing);
        await Notes.AddAsync(world.Officer, world.CaseId, Note("Force only: intelligence."));
        await Notes.AddAsync(world.Officer, world.CaseId, Note("For housing: tenancy warning sent.", Agency.Housing));
        await Notes.AddAsync(world.Officer, world.CaseId, Note("For youth justice.", Agency.YouthJustice));
        var housing = await PlanWorld.PartnerAsync(app, Agency.Housing);
        var youth = await PlanWorld.PartnerAsync(app, Agency.YouthJustice);

        var seen = await Notes.ReadAsync(housing, world.CaseId);
        var write = await Notes.AddAsync(housing, world.CaseId, Note("From a partner."));

        Assert.Equal(["For housing: tenancy warning sent."], seen!.Notes.Select(n => n.Text));
        Assert.Equal(1, seen.Total);
        Assert.False(seen.CanWrite);
        Assert.Equal(CommandOutcome.NotFound, write.Outcome);
        Assert.Null(await Notes.ReadAsync(youth, world.CaseId));
        Assert.Equal(3, (await Notes.ReadAsync(world.Officer, world.CaseId))!.Total);
    }

    [Fact]
    public Task SearchFindsNotesContainingTheWordsInAnyCase() => SearchFindsNotesAsync(app, "NOTE");

    [Fact]
    public async Task AnEmptyOrOverlongNoteIsRefusedBesideTheFieldAndNothingIsStored()
    {
        var world = await PlanWorld.CreateAsync(app, "NOTF");

        var empty = await Notes.AddAsync(world.Officer, world.CaseId, Note("   "));
        var overlong = await Notes.AddAsync(world.Officer, world.CaseId, Note(new string('x', CaseNote.MaxText + 1)));
        var badAgency = await Notes.AddAsync(world.Officer, world.CaseId, Note("ok", (Agency)99));

        Assert.Equal("Write the note.", empty.ErrorFor(Fields.Text));
        Assert.StartsWith("At most 4,000 characters", overlong.ErrorFor(Fields.Text));
        Assert.NotNull(badAgency.ErrorFor(Fields.SharedWith));
        await using var db = app.CreateDbContext();
        Assert.False(await db.CaseNotes.AnyAsync(n => n.CaseId == world.CaseId));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.CaseId == world.CaseId && e.EntityType == nameof(CaseNote)));
    }

    /// <summary>Shared with the PostgreSQL tests: the search lowers both sides, as neither database ignores case alike.</summary>
    internal static async Task SearchFindsNotesAsync(AsbOpsAppFactory app, string prefix)
    {
        var notes = PlanWorld.Service<CaseNoteService>(app, PlanWorld.Clock());
        var world = await PlanWorld.CreateAsync(app, prefix);
        await notes.AddAsync(world.Officer, world.CaseId, Note("Graffiti on the GARAGE door again."));
        await notes.AddAsync(world.Officer, world.CaseId, Note("Called the victim: no answer."));
        await notes.AddAsync(world.Officer, world.CaseId, Note("Council cleared the garage wall; 100% done."));

        var garage = await notes.ReadAsync(world.Officer, world.CaseId, "Garage");
        var percent = await notes.ReadAsync(world.Officer, world.CaseId, "100%");
        var none = await notes.ReadAsync(world.Officer, world.CaseId, "dog");

        Assert.Equal(2, garage!.Notes.Count);
        Assert.Equal(3, garage.Total);
        Assert.Equal(["Council cleared the garage wall; 100% done."], percent!.Notes.Select(n => n.Text));
        Assert.Empty(none!.Notes);
    }

    private async Task ShareAsync(long caseId, Agency agency)
    {
        await using var db = app.CreateDbContext();
        db.CaseShares.Add(new CaseShare { CaseId = caseId, Agency = agency, SharedAt = PlanWorld.Now });
        await db.SaveChangesAsync();
    }
}
