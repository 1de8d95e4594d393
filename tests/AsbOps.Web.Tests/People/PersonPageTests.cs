using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.People;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AsbOps.Web.Tests.People;

public sealed class PersonPageTests : BunitTestBase
{
    private readonly FakePersonViews _views = new();
    private readonly FakePersonRecords _records = new();

    public PersonPageTests()
    {
        Services.AddSingleton<IPersonViewService>(_views);
        Services.AddSingleton<IPersonRecordService>(_records);
        Services.AddScoped<CurrentUser>();
    }

    private static PersonView Sample(long id = 7, long? mergedFrom = null) => new(
        id, "Mary Jones", new DateOnly(1970, 5, 1), "4 Mill Lane", "LE11 3CC", true, false, true,
        [new PersonCaseRow("ASB-2026-000101", CaseStatus.Open, PersonRole.Victim, RiskLevel.High, RiskLevel.High, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc))],
        [new PersonMarkerRow("ASB-2026-000101", RiskLevel.High, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), null, null)],
        [new PersonReferralRow("ASB-2026-000101", Agency.Housing, false, ReferralStatus.Sent, new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc))],
        [new PersonContactRow("ASB-2026-000101", 1, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc))])
    {
        SetFlags = new PersonFlags(false, false, true),
        Version = 3,
        MergedFromId = mergedFrom,
        ContactLog = [new PersonContactEntry("ASB-2026-000101", new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), ContactMethod.Visit, "PC Lead", "Door fixed; feels safer")],
    };

    [Fact]
    public void AnOfficerSeesCasesMarkersReferralsContactsAndFlagsAndMayChangeFlagsButNotMerge()
    {
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
        _views.View = Sample();

        var page = Render<PersonPage>(p => p.Add(x => x.Id, 7L));

        page.WaitForAssertion(() => Assert.Equal("Mary Jones", page.Find("[data-testid='person-name']").TextContent.Trim()));
        Assert.Equal(["Vulnerable", "Safeguarding concern"], page.FindAll("[data-testid='person-flag']").Select(f => f.TextContent.Trim()));
        var row = page.Find("[data-testid='person-case']");
        Assert.Equal(("victim", "high"), (row.GetAttribute("data-role"), row.GetAttribute("data-risk")));
        Assert.Single(page.FindAll("[data-testid='marker']"));
        Assert.Contains("Housing", page.Find("[data-testid='person-referral']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Door fixed; feels safer", page.Find("[data-testid='person-contact-entry']").TextContent, StringComparison.Ordinal);
        Assert.Contains("PC Lead", page.Find("[data-testid='person-contact-entry']").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid='person-flags-form']"));
        Assert.Empty(page.FindAll("[data-testid='person-merge']"));
    }

    [Fact]
    public void SavingFlagsSendsTheTickedFlagsWithTheVersionSeen()
    {
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
        _views.View = Sample();
        var page = Render<PersonPage>(p => p.Add(x => x.Id, 7L));
        page.WaitForElement("[data-testid='person-flags-form']");

        page.Find("[data-testid='flag-vulnerable'] input, input[data-testid='flag-vulnerable']").Change(true);
        page.Find("[data-testid='person-flags-form']").Submit();

        page.WaitForAssertion(() => Assert.Equal((7L, new PersonFlags(true, false, true), 3), _records.Flags!.Value));
        Assert.Contains("Flags saved", page.Find("[data-testid='person-message']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void APartnerlessAnalystSeesNoFlagFormAndAnOldIdSaysItWasMerged()
    {
        AddAuthorization().SetAuthorized("analyst@test.local").SetRoles(Roles.Analyst);
        _views.View = Sample(mergedFrom: 5);

        var page = Render<PersonPage>(p => p.Add(x => x.Id, 5L));

        page.WaitForAssertion(() => Assert.Contains("Record 5 was merged", page.Find("[data-testid='person-merged-from']").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid='person-flags-form']"));
        Assert.Empty(page.FindAll("[data-testid='person-merge']"));
    }

    [Fact]
    public void ASergeantMergesOnlyAfterConfirmingAndSeesAWrongNumberBesideTheField()
    {
        AddAuthorization().SetAuthorized("sergeant@test.local").SetRoles(Roles.Sergeant);
        _views.View = Sample();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<PersonPage>(p => p.Add(x => x.Id, 7L));
        page.WaitForElement("[data-testid='person-merge']");

        page.Find("[data-testid='merge-duplicate-id'] input, input[data-testid='merge-duplicate-id']").Change("7");
        page.Find("[data-testid='person-merge'] form").Submit();
        page.WaitForAssertion(() => Assert.Contains("That is this record", page.Find("[data-testid='person-merge']").TextContent, StringComparison.Ordinal));
        Assert.Null(_records.Merge);

        _views.Others[9] = Sample(id: 9) with { Name = "Mary Jones (dup)" };
        page.Find("[data-testid='merge-duplicate-id'] input, input[data-testid='merge-duplicate-id']").Change("9");
        page.Find("[data-testid='person-merge'] form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("Merge record 9 into this one?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Null(_records.Merge);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Merge records").Click();

        page.WaitForAssertion(() => Assert.Equal((7L, 3, 9L), _records.Merge!.Value));
    }

    private sealed class FakePersonViews : IPersonViewService
    {
        public PersonView? View { get; set; }

        public Dictionary<long, PersonView> Others { get; } = [];

        public Task<PersonView?> GetAsync(UserScope user, long personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Others.TryGetValue(personId, out var other) ? other : View);
    }

    private sealed class FakePersonRecords : IPersonRecordService
    {
        public (long, PersonFlags, int)? Flags { get; private set; }

        public (long, int, long)? Merge { get; private set; }

        public Task<CommandResult> SetFlagsAsync(UserScope user, long personId, PersonFlags flags, int version, CancellationToken cancellationToken = default)
        {
            Flags = (personId, flags, version);
            return Task.FromResult(CommandResult.Saved(personId));
        }

        public Task<CommandResult> MergeAsync(UserScope user, long survivorId, int survivorVersion, long duplicateId, CancellationToken cancellationToken = default)
        {
            Merge = (survivorId, survivorVersion, duplicateId);
            return Task.FromResult(CommandResult.Saved(survivorId));
        }
    }
}
