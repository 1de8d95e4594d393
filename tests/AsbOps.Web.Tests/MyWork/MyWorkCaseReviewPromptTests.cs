using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Features.MyWork;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.CaseReviews;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.MyWork;

/// <summary>
/// The case review prompt in the lead officer's work list: raised by the same rule as the case page's prompt, linked to
/// it, and gone once the officer records it there as done or dismissed with a reason.
/// </summary>
public sealed class MyWorkCaseReviewPromptTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(Now));
    private CaseReviewWorld _world = default!;

    public async Task InitializeAsync() => _world = await CaseReviewWorld.CreateAsync(_app, "MWPROMPT");

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<DueItem>> PromptsOfAsync(UserScope user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var work = await scope.ServiceProvider.GetRequiredService<MyWorkService>().ForAsync(user);
        return [.. work.SelectMany(w => w.Items).Where(i => i.Kind == DueKind.CaseReviewPrompt)];
    }

    /// <summary>A case led by the area's officer with a report by the victim <paramref name="firstDaysAgo"/> days ago and another yesterday.</summary>
    private async Task<(long CaseId, string Reference, long SecondId)> RepeatVictimCaseAsync(string prefix, int firstDaysAgo)
    {
        await using var db = _app.CreateDbContext();
        var b = new CaseBuilder(db, Now.UtcDateTime);
        var c = b.Case(_world.AreaId, leadOfficerId: _world.Officer.UserId);
        await db.SaveChangesAsync();
        b.Incident(_world.AreaId, $"{prefix}-1", c, receivedAt: Now.UtcDateTime.AddDays(-firstDaysAgo),
            with: i => { i.ReporterName = "Vera Victim"; i.ReporterPhone = "07700 900777"; });
        var second = b.Incident(_world.AreaId, $"{prefix}-2", c, receivedAt: Now.UtcDateTime.AddDays(-1),
            with: i => { i.ReporterName = "Vera Victim"; i.ReporterPhone = "07700 900777"; });
        await db.SaveChangesAsync();
        return (c.Id, c.Reference, second.Id);
    }

    [Fact]
    public async Task AVictimWhoReportedAgainIsInTheLeadOfficersWorkLinkedToTheCasesPrompt()
    {
        var (_, reference, _) = await RepeatVictimCaseAsync("MW-AGAIN", firstDaysAgo: 30);

        var item = Assert.Single(await PromptsOfAsync(_world.Officer));

        Assert.Equal(reference, item.CaseReference);
        Assert.Equal($"/cases/{reference}#case-review-prompt", item.Href);
        Assert.Equal("Tell Vera Victim about the ASB Case Review (reported again: MW-AGAIN-2)", item.What);
        Assert.Equal(Now.UtcDateTime.AddDays(-1), item.DueAt);
        Assert.Equal(_world.Officer.UserId, item.OfficerId);
    }

    [Fact]
    public async Task AReportBeforeTheWindowRaisesNoPrompt()
    {
        await RepeatVictimCaseAsync("MW-OLD", firstDaysAgo: 250);

        Assert.Empty(await PromptsOfAsync(_world.Officer));
    }

    [Fact]
    public async Task DismissingThePromptWithAReasonOnTheCaseTakesItOffTheWorkList()
    {
        var (caseId, _, secondId) = await RepeatVictimCaseAsync("MW-DISMISS", firstDaysAgo: 20);
        Assert.Single(await PromptsOfAsync(_world.Officer));
        var prompts = _app.Get<CaseReviewPrompts>();

        var refused = await prompts.RecordAsync(_world.Officer, caseId, secondId, new PromptInput { Outcome = CaseReviewPromptOutcome.Dismissed });
        Assert.Single(await PromptsOfAsync(_world.Officer));
        var dismissed = await prompts.RecordAsync(_world.Officer, caseId, secondId,
            new PromptInput { Outcome = CaseReviewPromptOutcome.Dismissed, Reason = "Already told at the visit." });

        Assert.False(refused.Succeeded);
        Assert.True(dismissed.Succeeded);
        Assert.Empty(await PromptsOfAsync(_world.Officer));
    }

    [Fact]
    public async Task TheInspectorSeesTheAreasPromptsUnderTheLeadOfficer()
    {
        var (_, reference, _) = await RepeatVictimCaseAsync("MW-AREA", firstDaysAgo: 10);

        await using var scope = _app.Services.CreateAsyncScope();
        var work = await scope.ServiceProvider.GetRequiredService<MyWorkService>().ForAsync(_world.Inspector);

        var officer = Assert.Single(work, w => w.OfficerId == _world.Officer.UserId);
        Assert.Contains(officer.Items, i => i.Kind == DueKind.CaseReviewPrompt && i.CaseReference == reference);
    }

    [Fact]
    public async Task AnApplicationAboutTheCaseNeedsNoPrompt()
    {
        var (_, reference, _) = await RepeatVictimCaseAsync("MW-APPLIED", firstDaysAgo: 15);

        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime, reference));

        Assert.Equal(LogOutcome.Created, logged.Outcome);
        Assert.Empty(await PromptsOfAsync(_world.Officer));
    }
}
