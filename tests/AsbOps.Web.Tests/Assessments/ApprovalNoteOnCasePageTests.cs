using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AsbOps.Web.Tests.Assessments.AssessmentFixture;

namespace AsbOps.Web.Tests.Assessments;

/// <summary>The sergeant's decision note, given at /approvals, reads back with the assessment on the case page.</summary>
public sealed class ApprovalNoteOnCasePageTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task ASergeantsRejectionNoteShowsWithTheAssessmentOnTheCasePage()
    {
        var w = await ArrangeAsync(app, "NOTE");
        var command = Victim(w, HighVictimAnswers()) with { JudgementLevel = RiskLevel.Low, JudgementRationale = "Says it has stopped" };
        var saved = await SaveAsync(app, command, w.Officer);
        await using var scope = app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<ApprovalQueueService>();
        var item = Assert.Single(await queue.ListAsync(w.Sergeant), i => i.AssessmentId == saved.AssessmentId);

        var decided = await queue.DecideAsync(w.Sergeant, item.AssessmentId, item.Version, approve: false, "Door still kicked nightly: stays high");

        Assert.Equal(CommandOutcome.Saved, decided.Outcome);
        var details = await scope.ServiceProvider.GetRequiredService<ICaseDetailsService>().GetAsync(w.Officer, w.CaseRef);
        var shown = Assert.Single(details!.CurrentAssessments, a => a.Id == saved.AssessmentId);
        Assert.Equal(OverrideApproval.Rejected, shown.JudgementApproval);
        Assert.Equal("Door still kicked nightly: stays high", shown.ApprovalNote);
    }
}
