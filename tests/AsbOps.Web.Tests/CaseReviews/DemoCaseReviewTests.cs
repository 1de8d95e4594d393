using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Features.MyWork;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>The case reviews of the demo force: reports dated by their behaviour, and a prompt waiting for the demo officer.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoCaseReviewTests(SeededDemoForce force)
{
    [Fact]
    public async Task EveryReportReliedOnHasItsBehaviourDateWithinTheMonthBeforeTheReport()
    {
        await using var db = force.App.CreateDbContext();
        var relied = await db.CaseReviewReliedReports.AsNoTracking()
            .Join(db.Incidents, r => r.IncidentId, i => i.Id, (r, i) => new { r.BehaviourOn, i.ReceivedAt })
            .ToListAsync();

        Assert.NotEmpty(relied);
        Assert.All(relied, r =>
        {
            var reportedOn = DateOnly.FromDateTime(r.ReceivedAt);
            Assert.NotNull(r.BehaviourOn);
            Assert.InRange(r.BehaviourOn.Value, reportedOn.AddMonths(-1).AddDays(1), reportedOn);
        });
        Assert.True(relied.Select(r => DateOnly.FromDateTime(r.ReceivedAt).DayNumber - r.BehaviourOn!.Value.DayNumber).Distinct().Count() > 10,
            "The behaviour dates should spread over the month, not sit at one offset.");
    }

    [Fact]
    public async Task TheDemoOfficerHasACaseReviewPromptWaitingInTheirWork()
    {
        AppUser officer;
        await using (var db = force.App.CreateDbContext())
        {
            officer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoLogins.Officer);
        }

        await using var scope = force.App.Services.CreateAsyncScope();
        var work = await scope.ServiceProvider.GetRequiredService<MyWorkService>()
            .ForAsync(new UserScope(officer.Id, officer.DisplayName, Roles.Officer, officer.AreaId, null));

        var prompts = work.SelectMany(w => w.Items).Where(i => i.Kind == DueKind.CaseReviewPrompt).ToList();
        Assert.NotEmpty(prompts);
        Assert.All(prompts, p => Assert.Contains("about the ASB Case Review", p.What));
    }
}
