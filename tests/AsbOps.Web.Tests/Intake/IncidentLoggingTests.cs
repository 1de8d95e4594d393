using System.Text.RegularExpressions;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Features.Intake;
using AsbOps.Web.Features.Intake.Logging;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Intake;

public sealed partial class IncidentLoggingTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private T Get<T>() where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task AHandLoggedIncidentGetsAnOfficerReferenceAndAwaitsScreening()
    {
        var area = await app.AddAreaAsync("LOGOK");
        var officer = await app.AddUserAsync("log.ok@test.local", Roles.Officer, area.Id);
        var scope = ScreeningData.Scope(officer, Roles.Officer);

        var first = await Get<IncidentLoggingService>().LogAsync(scope, Valid(area.Id));
        var second = await Get<IncidentLoggingService>().LogAsync(scope, Valid(area.Id));

        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => $"{e.Key}: {e.Value}")));
        Assert.Matches(OffReference(), first.StormRef!);
        Assert.NotEqual(first.StormRef, second.StormRef);
        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.SingleAsync(i => i.Id == first.Id);
        Assert.Equal((IncidentSource.Officer, "LE11 1AA", ThriveGrade.Priority, "Shouting at the neighbours"),
            (stored.Source, stored.Postcode, stored.Thrive.Grade, stored.Thrive.Threat));
        var awaiting = await Get<IncidentQueries>().ListAsync(scope, new IncidentListQuery(null, IncidentScreeningState.AwaitingScreening, null, null, 0, 50, null));
        Assert.Contains(awaiting.Items, row => row.StormRef == first.StormRef);
    }

    [Fact]
    public async Task InvalidInputIsRefusedWithAnErrorForEachFieldAndStoresNothing()
    {
        var area = await app.AddAreaAsync("LOGBAD");
        var officer = await app.AddUserAsync("log.bad@test.local", Roles.Officer, area.Id);
        var input = Valid(area.Id);
        input.Postcode = "LE1 ABC";
        input.Description = new string('x', Incident.DescriptionMaxLength + 1);
        input.ReceivedAtLocal = UkTime.ToLocal(DateTime.UtcNow).AddDays(1);
        input.Latitude = 52.7;
        input.Longitude = null;
        input.Category = null;
        input.ReporterPhone = "call me";
        input.Harm = "bell\u0007";
        int before;
        await using (var db = app.CreateDbContext())
        {
            before = await db.Incidents.CountAsync();
        }

        var result = await Get<IncidentLoggingService>().LogAsync(ScreeningData.Scope(officer, Roles.Officer), input);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [nameof(IncidentInput.Category), nameof(IncidentInput.Description), nameof(IncidentInput.Harm), nameof(IncidentInput.Longitude),
             nameof(IncidentInput.Postcode), nameof(IncidentInput.ReceivedAtLocal), nameof(IncidentInput.ReporterPhone)],
            result.Errors.Keys.Order());
        Assert.Contains("Not a UK postcode", result.Errors[nameof(IncidentInput.Postcode)]);
        await using var after = app.CreateDbContext();
        Assert.Equal(before, await after.Incidents.CountAsync());
    }

    [Fact]
    public async Task AnAreaRestrictedOfficerCannotLogAnIncidentInAnotherArea()
    {
        var home = await app.AddAreaAsync("LOGHOME");
        var other = await app.AddAreaAsync("LOGOTHER");
        var officer = await app.AddUserAsync("log.home@test.local", Roles.Officer, home.Id);

        var result = await Get<IncidentLoggingService>().LogAsync(ScreeningData.Scope(officer, Roles.Officer), Valid(other.Id));

        Assert.Equal("You can log incidents only in your own area.", result.Errors[nameof(IncidentInput.AreaId)]);
    }

    [Fact]
    public async Task AnAnalystMayNotLogAnIncident()
    {
        var area = await app.AddAreaAsync("LOGANALYST");
        var analyst = await app.AddUserAsync("log.analyst@test.local", Roles.Analyst, area.Id);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Get<IncidentLoggingService>().LogAsync(ScreeningData.Scope(analyst, Roles.Analyst), Valid(area.Id)));
    }

    [Fact]
    public async Task TheLogPageOpensWithTheOfficersOwnAreaChosenAndFixed()
    {
        var area = await app.AddAreaAsync("LOGPAGE", "Log Page Area");
        await app.AddUserAsync("log.page@test.local", Roles.Officer, area.Id);
        using var client = await app.CreateSignedInClientAsync("log.page@test.local");

        var page = await Html.GetAsync(client, "/incidents/new");

        var areaField = page.Single("field-area");
        Assert.Contains("Log Page Area", areaField.Text());
        Assert.Equal("true", areaField.GetAttribute("aria-disabled"));
    }

    private static IncidentInput Valid(int areaId) => new()
    {
        ReceivedAtLocal = UkTime.ToLocal(DateTime.UtcNow).AddHours(-1),
        AreaId = areaId,
        Category = AsbCategory.Personal,
        Address = "12 Example Road, Loughborough",
        Postcode = "le111aa",
        Description = "Youths kicking door, shouting abuse at occupant",
        ReporterName = "A Person",
        ReporterPhone = "07000 000000",
        Threat = "Shouting at the neighbours",
        Grade = ThriveGrade.Priority,
    };

    [GeneratedRegex(@"^OFF-\d{8}-\d{4}$")]
    private static partial Regex OffReference();
}
