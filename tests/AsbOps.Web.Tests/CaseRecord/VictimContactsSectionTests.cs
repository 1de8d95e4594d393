using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Contacts;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.CaseRecord;

public sealed class VictimContactsSectionTests : BunitTestBase
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeVictimContactService _contacts = new();

    public VictimContactsSectionTests()
    {
        Services.AddSingleton<IVictimContactService>(_contacts);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
        _contacts.Model = new VictimContactsModel(
        [
            new VictimContactRow(1, "Hana High", RiskLevel.High, 7, false, Now.AddDays(-1), true, null, 0, []),
            new VictimContactRow(2, "Mo Medium", RiskLevel.Medium, 10, true, Now.AddDays(3), false, Now.AddDays(-7), 2,
                [new VictimContactView(5, Now.AddDays(-7), ContactMethod.Visit, "PC One", "All quiet.", Now.AddDays(3))]),
        ], CanWrite: true);
    }

    [Fact]
    public void AnOverdueVictimIsMarkedAndCountedInTheSectionHeader()
    {
        var section = Render<VictimContactsSection>(p => p.Add(x => x.CaseId, 7));

        Assert.Equal("1 victim overdue for contact", section.Find("[data-testid=contacts-overdue]").TextContent.Trim());
        var rows = section.FindAll("[data-testid=victim-contact-row]");
        Assert.Equal(["true", "false"], rows.Select(r => r.GetAttribute("data-overdue")));
        Assert.Contains("default for high", rows[0].QuerySelector("[data-testid=contact-frequency]")!.TextContent);
        Assert.Contains("Every 10 days (agreed)", rows[1].QuerySelector("[data-testid=contact-frequency]")!.TextContent);
        Assert.Contains("overdue", rows[0].QuerySelector("[data-testid=contact-next-due]")!.TextContent);
        Assert.Single(rows[1].QuerySelectorAll("[data-testid=victim-contact]"));
    }

    [Fact]
    public void AContactWithoutOutcomeShowsTheMessageBesideTheFieldAndIsNotSent()
    {
        var section = Render<VictimContactsSection>(p => p.Add(x => x.CaseId, 7));

        section.FindAll("button[data-testid=contact-log]")[0].Click();
        section.Find("[data-testid=contact-form]").Submit();

        var field = section.Find("[data-testid=contact-outcome]").Closest(".mud-input-control")!;
        Assert.Contains("Say what came of the contact.", field.TextContent);
        Assert.Empty(_contacts.Logged);
    }

    [Fact]
    public void AConflictOnTheFrequencyKeepsTheFormAndSaysSo()
    {
        _contacts.Answer = CommandResult.Conflict();
        var section = Render<VictimContactsSection>(p => p.Add(x => x.CaseId, 7));

        section.FindAll("button[data-testid=contact-frequency-change]")[1].Click();
        section.Find("[data-testid=frequency-form]").Submit();

        Assert.Equal(CommandResult.ConflictMessage, section.Find("[data-testid=record-message]").TextContent.Trim());
        Assert.Single(section.FindAll("[data-testid=frequency-form]"));
    }
}
