using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Domain.Audit;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Admin.Areas;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Admin;

/// <summary>Areas: add, rename, retire and reopen through the service, seen by the public API and the audit trail.</summary>
public sealed class AreaAdministrationTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    private AreaAdministration Areas => app.Services.GetRequiredService<AreaAdministration>();

    private static string NewRef() => "LP-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<AreaAdminRow> AddAsync(UserScope admin, string code, string name)
    {
        var added = await Areas.AddAsync(admin, new AreaInput { Code = code, Name = name });
        Assert.True(added.Succeeded, added.Message);
        return (await Areas.ListAsync()).Single(a => a.Code == code);
    }

    [Fact]
    public async Task ARetiredAreaTakesNoIncidentsIsNotListedByTheApiAndTakesThemAgainWhenReopened()
    {
        var admin = await AdminWorld.AdminAsync(app, "retire.admin@test.local");
        var area = await AddAsync(admin, "RETIREME", "Retire Me");
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        Assert.Contains("RETIREME", await client.GetStringAsync("/api/v1/areas"));

        var retired = await Areas.RetireAsync(admin, area.Id, area.Version);
        using var single = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef(), "RETIREME"));
        using var batch = await ApiAppFactory.PostAsync(client, new JsonObject
        {
            ["incidents"] = new JsonArray(ApiAppFactory.Incident(NewRef(), "RETIREME")),
        }, "/api/v1/incidents:batch");
        var listed = await client.GetFromJsonAsync<JsonArray>("/api/v1/areas");

        Assert.True(retired.Succeeded, retired.Message);
        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
        Assert.Equal("application/problem+json", single.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await single.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["areaCode"]);
        var item = (await batch.Content.ReadFromJsonAsync<JsonObject>())!["results"]![0]!;
        Assert.Equal("invalid", (string)item["status"]!);
        Assert.NotNull(item["errors"]!["areaCode"]);
        Assert.DoesNotContain(listed!, a => (string)a!["code"]! == "RETIREME");
        Assert.Contains(await Areas.ListAsync(), a => a.Code == "RETIREME" && a.RetiredAt is not null);

        var reopened = await Areas.ReopenAsync(admin, area.Id, (await Areas.ListAsync()).Single(a => a.Id == area.Id).Version);
        using var again = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef(), "RETIREME"));
        Assert.True(reopened.Succeeded);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task AnAreaRetiredByAnotherInstanceIsRefusedHereAsSoonAsItsChangeArrives()
    {
        var admin = await AdminWorld.AdminAsync(app, "remote.admin@test.local");
        var area = await AddAsync(admin, "REMOTEA", "Remote");
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        Assert.Contains("REMOTEA", await client.GetStringAsync("/api/v1/areas"));
        await using (var db = app.CreateDbContext())
        {
            (await db.Areas.SingleAsync(a => a.Id == area.Id)).RetiredAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        var stale = await client.GetStringAsync("/api/v1/areas");
        app.Services.GetRequiredService<OpsNotifier>().Publish(new OpsChange(OpsChangeKind.AreasChanged, "REMOTEA"));
        using var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef(), "REMOTEA"));

        Assert.Contains("REMOTEA", stale);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RenamingKeepsTheCodeOfAnAreaInUseAndIsAuditedWithBeforeAndAfter()
    {
        var admin = await AdminWorld.AdminAsync(app, "rename.admin@test.local");
        var used = await AddAsync(admin, "USEDA", "Used Area");
        var unused = await AddAsync(admin, "TYPOA", "Typo Area");
        await app.AddUserAsync("used.officer@test.local", Roles.Officer, used.Id);

        var renamed = await Areas.RenameAsync(admin, new AreaInput { Id = used.Id, Code = "USEDA", Name = "Used Area North", Version = used.Version });
        var recoded = await Areas.RenameAsync(admin, new AreaInput { Id = used.Id, Code = "OTHERA", Name = "Used Area North", Version = used.Version + 1 });
        var fixedTypo = await Areas.RenameAsync(admin, new AreaInput { Id = unused.Id, Code = "TYPOB", Name = "Typo Area", Version = unused.Version });

        Assert.True(renamed.Succeeded, renamed.Message);
        Assert.Contains("never changes", recoded.ErrorFor(nameof(AreaInput.Code)));
        Assert.True(fixedTypo.Succeeded, fixedTypo.Message);
        var rows = await Areas.ListAsync();
        Assert.Contains(rows, a => a.Id == used.Id && a.Code == "USEDA" && a.Name == "Used Area North");
        Assert.Contains(rows, a => a.Id == unused.Id && a.Code == "TYPOB");
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "Area" && e.EntityId == used.Id.ToString() && e.Action == AuditAction.Update).SingleAsync();
        Assert.Equal(admin.UserId, entry.UserId);
        Assert.Contains("\"Name\":{\"from\":\"Used Area\",\"to\":\"Used Area North\"}", entry.Changes);
    }

    [Fact]
    public async Task TheSecondOfTwoAdministratorsEditingOneAreaIsToldAndNothingIsOverwritten()
    {
        var admin = await AdminWorld.AdminAsync(app, "area.race@test.local");
        var area = await AddAsync(admin, "RACEAREA", "Race");

        var first = await Areas.RenameAsync(admin, new AreaInput { Id = area.Id, Code = "RACEAREA", Name = "First", Version = area.Version });
        var second = await Areas.RenameAsync(admin, new AreaInput { Id = area.Id, Code = "RACEAREA", Name = "Second", Version = area.Version });
        var retire = await Areas.RetireAsync(admin, area.Id, area.Version);

        Assert.True(first.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, second.Outcome);
        Assert.Equal(CommandOutcome.Conflict, retire.Outcome);
        Assert.Contains(await Areas.ListAsync(), a => a.Id == area.Id && a.Name == "First" && a.RetiredAt == null);
    }

    [Fact]
    public async Task ABadOrTakenCodeIsRefusedBesideTheCodeAndTheListNamesEachAreasSergeantsAndInspector()
    {
        var admin = await AdminWorld.AdminAsync(app, "codes.admin@test.local");
        var area = await AddAsync(admin, "LEADERS", "Leaders");
        await app.AddUserAsync("leaders.sgt1@test.local", Roles.Sergeant, area.Id, displayName: "Sgt Ash");
        await app.AddUserAsync("leaders.sgt2@test.local", Roles.Sergeant, area.Id, displayName: "Sgt Birch");
        await app.AddUserAsync("leaders.insp@test.local", Roles.Inspector, area.Id, displayName: "Insp Cedar");

        var bad = await Areas.AddAsync(admin, new AreaInput { Code = "no spaces!", Name = "Bad" });
        var taken = await Areas.AddAsync(admin, new AreaInput { Code = "leaders", Name = "Again" });
        var noName = await Areas.AddAsync(admin, new AreaInput { Code = "NONAME", Name = " " });

        Assert.NotNull(bad.ErrorFor(nameof(AreaInput.Code)));
        Assert.Contains("already", taken.ErrorFor(nameof(AreaInput.Code)));
        Assert.NotNull(noName.ErrorFor(nameof(AreaInput.Name)));
        var row = (await Areas.ListAsync()).Single(a => a.Id == area.Id);
        Assert.Equal(["Sgt Ash", "Sgt Birch"], row.Sergeants);
        Assert.Equal(["Insp Cedar"], row.Inspectors);
    }
}
