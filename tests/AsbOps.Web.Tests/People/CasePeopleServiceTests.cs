using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Features.People;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Assessments;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AsbOps.Web.Tests.Assessments.AssessmentFixture;

namespace AsbOps.Web.Tests.People;

public sealed class CasePeopleServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private async Task<T> WithServiceAsync<T>(Func<ICasePeopleService, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<ICasePeopleService>());
    }

    [Fact]
    public async Task SearchFindsAKnownPersonByNameAndDateOfBirthWithTheirCases()
    {
        var w = await ArrangeAsync(app, "PPLNAME");

        var matches = await WithServiceAsync(s => s.SearchAsync(w.Officer, new PersonSearch("vera", "victimpplname", new DateOnly(1970, 5, 1), null, null)));

        var match = Assert.Single(matches);
        Assert.Equal(w.PersonId, match.PersonId);
        Assert.True(match.MatchedByName);
        Assert.Contains(match.Cases, c => c.CaseReference == w.CaseRef && c.Role == PersonRole.Victim);
    }

    [Fact]
    public async Task SearchByPostcodeFindsTheHouseholdWhateverTheSpacingAndCase()
    {
        var w = await ArrangeAsync(app, "PPLADDR");

        var matches = await WithServiceAsync(s => s.SearchAsync(w.Officer, new PersonSearch(null, null, null, null, "le112bb")));

        Assert.Contains(matches, m => m.PersonId == w.PersonId && m.MatchedByAddress);
    }

    [Fact]
    public void AMatchSaysPostcodeWhenOnlyThePostcodeMatched()
    {
        PersonMatch Match(bool name, bool address, bool postcodeOnly) =>
            new(1, "Vera Victim", null, "12 Example Road", "LE11 2BB", name, address, [], 0, postcodeOnly);

        Assert.Equal("postcode", Match(false, true, true).MatchedOn);
        Assert.Equal("name and postcode", Match(true, true, true).MatchedOn);
        Assert.Equal("address", Match(false, true, false).MatchedOn);
        Assert.Equal("name", Match(true, false, false).MatchedOn);
    }

    [Fact]
    public async Task ASearchByPostcodeWithAnotherAddressMatchesOnThePostcodeOnly()
    {
        var w = await ArrangeAsync(app, "PPLPOST");

        var matches = await WithServiceAsync(s => s.SearchAsync(w.Officer, new PersonSearch(null, null, null, "99 Nowhere Street", "le112bb")));

        var match = Assert.Single(matches, m => m.PersonId == w.PersonId);
        Assert.Equal("postcode", match.MatchedOn);
    }

    [Fact]
    public async Task ANewPersonIsAddedWithANormalisedPostcodeAndADifferentDateOfBirthIsNotAMatch()
    {
        var w = await ArrangeAsync(app, "PPLNEW");
        var none = await WithServiceAsync(s => s.SearchAsync(w.Officer, new PersonSearch("Vera", "Victimpplnew", new DateOnly(1999, 1, 1), null, null)));

        var result = await WithServiceAsync(s => s.AddAsync(new AddPersonCommand(w.CaseId, PersonRole.Perpetrator, null,
            new NewPerson(" Rob ", "Rowdy", new DateOnly(2001, 2, 3), "11 Hill St", "le11 2bb", null)), w.Officer));

        Assert.Empty(none);
        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        await using var db = app.CreateDbContext();
        var person = await db.People.SingleAsync(p => p.Id == result.PersonId);
        Assert.Equal("LE11 2BB", person.Postcode);
        Assert.Equal("ROWDY ROB", person.SearchName);
        Assert.True(await db.CaseParticipants.AnyAsync(p => p.Id == result.ParticipantId && p.Role == PersonRole.Perpetrator));
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, w.CaseId);
        Assert.True(await db.Cases.Where(c => c.Id == w.CaseId).Select(c => c.PerpetratorsNotAssessed).SingleAsync() > 0);
    }

    [Fact]
    public async Task ANewPersonWithAFutureDateOfBirthOrNoNameIsRefusedNextToTheFields()
    {
        var w = await ArrangeAsync(app, "PPLBAD");

        var result = await WithServiceAsync(s => s.AddAsync(new AddPersonCommand(w.CaseId, PersonRole.Witness, null,
            new NewPerson("", "Later", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), null, "not a postcode", null)), w.Officer));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(NewPersonValidator.FirstNameKey, result.Errors.Keys);
        Assert.Contains(NewPersonValidator.DateOfBirthKey, result.Errors.Keys);
        Assert.Contains(NewPersonValidator.PostcodeKey, result.Errors.Keys);
    }

    [Fact]
    public async Task ANewPersonMatchingSomeoneKnownByNameAndDateOfBirthIsRefusedUntilConfirmed()
    {
        var w = await ArrangeAsync(app, "PPLDUP");
        var twin = new NewPerson("Vera", "VictimPPLDUP", new DateOnly(1970, 5, 1), null, null, null);

        var refused = await WithServiceAsync(s => s.AddAsync(new AddPersonCommand(w.CaseId, PersonRole.Witness, null, twin), w.Officer));

        Assert.Equal(CommandOutcome.Invalid, refused.Outcome);
        Assert.Contains(CasePeopleService.DuplicateKey, refused.Errors.Keys);
    }

    [Fact]
    public async Task TheSamePersonCannotHoldTheSameRoleTwiceEvenWhenAddedAtOnce()
    {
        var w = await ArrangeAsync(app, "PPLTWICE");
        var add = new AddPersonCommand(w.CaseId, PersonRole.Witness, w.PersonId, null);

        var results = await Task.WhenAll(
            WithServiceAsync(s => s.AddAsync(add, w.Officer)),
            WithServiceAsync(s => s.AddAsync(add, w.OtherOfficer)));

        Assert.Single(results, r => r.Outcome == CommandOutcome.Saved);
        Assert.Single(results, r => r.Outcome is CommandOutcome.Invalid or CommandOutcome.Conflict);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.CaseParticipants.CountAsync(p => p.CaseId == w.CaseId && p.Role == PersonRole.Witness));
    }

    [Fact]
    public async Task AnAnalystCannotAddPeople()
    {
        var w = await ArrangeAsync(app, "PPLANALYST");
        var analyst = new UserScope("x", "analyst", Roles.Analyst, null, null);

        var result = await WithServiceAsync(s => s.AddAsync(new AddPersonCommand(w.CaseId, PersonRole.Witness, w.PersonId, null), analyst));

        Assert.Equal(CommandOutcome.NotFound, result.Outcome);
    }
}
