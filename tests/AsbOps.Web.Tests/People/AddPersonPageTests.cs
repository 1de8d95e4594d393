using AsbOps.Web.Data;
using AsbOps.Web.Features.People;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.People;

public sealed class AddPersonPageTests : BunitTestBase
{
    private readonly FakePeopleService _people = new();

    public AddPersonPageTests()
    {
        Services.AddSingleton<ICasePeopleService>(_people);
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
    }

    private IRenderedComponent<AddPersonPage> RenderPage() => Render<AddPersonPage>(p => p.Add(x => x.CaseRef, "ASB-2026-000001"));

    /// <summary>The message MudBlazor shows under the input holding the testid: the error sits beside its field.</summary>
    private static string MessageBeside(IRenderedComponent<AddPersonPage> page, string testId) =>
        page.Find($"[data-testid='{testId}']").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    private static void SearchThenAddNew(IRenderedComponent<AddPersonPage> page)
    {
        page.Find("[data-testid='person-search']").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='no-matches']")));
        page.Find("[data-testid='add-new-person']").Click();
    }

    [Fact]
    public void TheServicesFieldErrorsShowBesideTheirInputsAndTheDuplicateBelowTheButtons()
    {
        _people.NextResult = new AddPersonResult(CommandOutcome.Invalid, new Dictionary<string, string>
        {
            [NewPersonValidator.FirstNameKey] = "Enter the first name.",
            [NewPersonValidator.PostcodeKey] = "Not a UK postcode, e.g. LE11 1AA.",
            [CasePeopleService.DuplicateKey] = "Someone with this name and date of birth is already known.",
        }, "Check the marked fields.");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='person-search']")));
        page.Find("[data-testid='person-last-name']").Input("Smith");

        SearchThenAddNew(page);

        page.WaitForAssertion(() => Assert.Equal("Enter the first name.", MessageBeside(page, "person-first-name")));
        Assert.Equal("Not a UK postcode, e.g. LE11 1AA.", MessageBeside(page, "person-postcode"));
        Assert.Equal("", MessageBeside(page, "person-last-name"));
        Assert.Equal("Someone with this name and date of birth is already known.", page.Find("[data-testid='error-duplicate']").TextContent.Trim());
    }

    [Fact]
    public void AnUnreadableDateOfBirthIsShownBesideItAndNothingIsSent()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='person-search']")));
        page.Find("[data-testid='person-last-name']").Input("Smith");
        page.Find("[data-testid='person-dob']").Input("31/02/1990");

        SearchThenAddNew(page);

        page.WaitForAssertion(() => Assert.Equal("Enter the date as day, month and year.", MessageBeside(page, "person-dob")));
        Assert.Empty(_people.Sent);
    }

    private sealed class FakePeopleService : ICasePeopleService
    {
        public AddPersonResult NextResult { get; set; } = new(CommandOutcome.Saved, CommandResult.NoErrors, "Added.", 1, 1, "A Smith");

        public List<AddPersonCommand> Sent { get; } = [];

        public Task<CaseForPeople?> GetCaseAsync(UserScope user, string caseReference, CancellationToken cancellationToken = default) =>
            Task.FromResult<CaseForPeople?>(new CaseForPeople(1, caseReference, "1 High Street", "LE11 1AA"));

        public Task<IReadOnlyList<PersonMatch>> SearchAsync(UserScope user, PersonSearch search, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PersonMatch>>([]);

        public Task<AddPersonResult> AddAsync(AddPersonCommand command, UserScope user, CancellationToken cancellationToken = default)
        {
            Sent.Add(command);
            return Task.FromResult(NextResult);
        }
    }
}
