using AsbOps.Domain.Cases;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.CaseRecord;
using AsbOps.Web.Tests.CaseReviews;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Cases;

public sealed class CasePageTests : BunitTestBase
{
    private const string Reference = "ASB-2026-004213";
    private readonly FakeCaseDetailsService _details = new();
    private readonly FakeCaseReviewPrompts _prompts = new();
    private readonly BunitPersistentComponentState _state;

    public CasePageTests()
    {
        Services.AddSingleton<ICaseDetailsService>(_details);
        Services.AddCaseRecordFakes();
        Services.AddCaseReviewFakes(_prompts);
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
        _state = AddBunitPersistentComponentState();
    }

    private static CaseDetails Sample(bool internalDetail = true) => new()
    {
        Id = 42,
        Reference = Reference,
        AreaCode = "CHARNWOOD",
        AreaName = "Charnwood",
        Address = "12 Example Road",
        Postcode = "LE11 1AA",
        Summary = "Youths kicking door",
        RiskLevel = RiskLevel.High,
        NextReviewDue = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc),
        ReviewOverdue = true,
        ShowsInternalDetail = internalDetail,
        People =
        [
            new(1, "Vera Victim", PersonRole.Victim, RiskLevel.High, null, null, null, DateTime.UtcNow, true),
            new(2, "Rob Reporter", PersonRole.ReportingPerson, RiskLevel.NotAssessed, null, null, null, DateTime.UtcNow, false),
        ],
        CurrentAssessments =
        [
            new CaseAssessmentView
            {
                Id = 7, Kind = AssessmentKind.Victim, Subject = "Vera Victim", MatrixTitle = "Victim risk matrix", GuidanceVersionNumber = 1,
                IsCurrent = true, Score = 12, ComputedLevel = RiskLevel.High, Level = RiskLevel.High, UnknownCount = 1,
                Answers = [new("vulnerable", "Is the person vulnerable?", "unknown", "Unknown", 2, null, true, 6)],
            },
        ],
        ActiveMarkers = [new(MarkerSubjectType.Person, "Vera Victim", "LE11 1AA", RiskLevel.High, DateTime.UtcNow, null, null)],
        EndedMarkers = [new(MarkerSubjectType.Location, "Old Place", null, RiskLevel.High, DateTime.UtcNow.AddDays(-9), DateTime.UtcNow.AddDays(-2), "Case closed")],
        Reminders = [new(4, DateTime.UtcNow, DateTime.UtcNow, "Vera Victim", "PC Lead")],
    };

    private IRenderedComponent<CasePage> RenderCase(string reference = Reference) =>
        Render<CasePage>(parameters => parameters.Add(p => p.CaseRef, reference));

    [Fact]
    public void TheHeaderCarriesTheReferenceAndTheRiskLevelWord()
    {
        _details.Details = Sample();

        var page = RenderCase();

        Assert.Equal(Reference, page.Find("[data-testid=case-ref]").TextContent);
        Assert.Equal("High", page.Find("[data-testid=case-risk-level]").TextContent);
        Assert.Equal("true", page.Find("[data-testid=next-review]").GetAttribute("data-overdue"));
    }

    [Fact]
    public void AVictimWhoReportedAgainPromptsTheLeadOfficerAboutTheCaseReview()
    {
        _details.Details = Sample();
        var first = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        _prompts.Model = new CasePromptModel(42, IsLeadOfficer: true, CanRecord: true,
            new CaseReviewPromptView(9, "STORM-2026-000123", "Vera Victim", first, first.AddDays(12)), [], []);

        var page = RenderCase();

        var prompt = page.WaitForElement("[data-testid=case-review-prompt]");
        Assert.Contains("Vera Victim reported again (STORM-2026-000123", prompt.TextContent);
        Assert.Contains("ASB Case Review", prompt.TextContent);
        Assert.NotNull(page.Find("[data-testid=prompt-save]"));
    }

    [Fact]
    public void NoPromptSectionWhenThereIsNothingAboutACaseReview()
    {
        _details.Details = Sample();

        var page = RenderCase();

        page.WaitForElement("[data-testid=case-ref]");
        Assert.Empty(page.FindAll("[data-testid=case-review-prompt-section]"));
    }

    [Fact]
    public void TheSummaryStripAtTheTopSaysWhatIsDue()
    {
        _details.Details = Sample() with { HighRiskSince = DateTime.UtcNow.AddDays(-4) };

        var page = RenderCase();

        var summary = page.Find("[data-testid=case-summary]");
        Assert.StartsWith("High since", summary.QuerySelector("[data-testid=summary-risk] span:last-child")!.TextContent.Trim());
        var plan = summary.QuerySelector("[data-testid=summary-plan]")!;
        Assert.Equal("true", plan.GetAttribute("data-overdue"));
        Assert.Contains("Required by", plan.TextContent);
        Assert.Equal($"/cases/{Reference}/plan", plan.QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("1", summary.QuerySelector("[data-testid=summary-markers]")!.TextContent.Trim());
        Assert.EndsWith("1", summary.QuerySelector("[data-testid=summary-unknowns]")!.TextContent.Trim());
        Assert.Equal("true", summary.QuerySelector("[data-testid=summary-review]")!.GetAttribute("data-overdue"));
        var sections = page.FindAll("[data-testid]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.True(sections.IndexOf("case-summary") < sections.IndexOf("case-people"), "the strip must come before the people");
        Assert.True(sections.IndexOf("case-summary") < sections.IndexOf("case-incidents"), "the strip must come before the incidents");
    }

    [Fact]
    public void TheSummaryOfACaseWithAPlanSaysItIsInPlace()
    {
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        _details.Details = Sample() with
        {
            HighRiskSince = DateTime.UtcNow.AddDays(-4),
            ActionPlan = new(DateTime.UtcNow.AddDays(-3), "Stop it",
                [new(AsbOps.Domain.ActionPlans.ActionType.Visit, "Visit", "PC Lead", due, AsbOps.Domain.ActionPlans.ActionStatus.Planned, null, true)]),
        };

        var plan = RenderCase().Find("[data-testid=summary-plan]");

        Assert.Equal("false", plan.GetAttribute("data-overdue"));
        Assert.Contains("In place · 1 open action, 1 overdue", plan.TextContent);
    }

    [Fact]
    public void EachPersonIsARowWithTheirRoleAndRisk()
    {
        _details.Details = Sample();

        var rows = RenderCase().FindAll("[data-testid=person-row]");

        Assert.Equal([("victim", "high"), ("reportingperson", "notassessed")],
            rows.Select(r => (r.GetAttribute("data-role"), r.GetAttribute("data-risk"))));
    }

    [Fact]
    public void ActiveMarkersAreHookedAndEndedOnesAreListedAsHistory()
    {
        _details.Details = Sample();

        var page = RenderCase();

        Assert.Contains("Vera Victim", Assert.Single(page.FindAll("[data-testid=marker]")).TextContent);
        Assert.Contains("Case closed", Assert.Single(page.FindAll("[data-testid=marker-ended]")).TextContent);
    }

    [Fact]
    public void AnUnknownAnswerIsHighlightedWithItsAge()
    {
        _details.Details = Sample();

        var page = RenderCase();

        Assert.Equal("answer-unknown", page.Find("[data-question=vulnerable]").ClassName);
        Assert.Contains("unknown for 6 days", page.Find("[data-testid=unknown-age]").TextContent);
    }

    [Fact]
    public void TheSergeantsApprovalNoteShowsWithTheAssessment()
    {
        var sample = Sample();
        _details.Details = sample with
        {
            CurrentAssessments =
            [
                sample.CurrentAssessments[0] with
                {
                    JudgementLevel = RiskLevel.Medium, JudgementRationale = "Moved to a safe address",
                    JudgementApproval = OverrideApproval.Approved, ApprovedByName = "Sgt Stone", ApprovalNote = "Agreed, new address checked",
                },
            ],
        };

        var page = RenderCase();

        Assert.Contains("Agreed, new address checked", page.Find("[data-testid=assessment] [data-testid=approval-note]").TextContent);
    }

    [Fact]
    public void AnUnknownCaseShowsTheFriendlyNotFoundViewWithALinkBack()
    {
        var page = RenderCase("ASB-2026-000404");

        var notFound = page.Find("[data-testid=case-not-found]");
        Assert.Contains("No case ASB-2026-000404 — check the reference.", notFound.TextContent);
        Assert.Equal("/cases", notFound.QuerySelector("a")?.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=case-ref]"));
        Assert.Equal(0, _details.RecordedViews);
    }

    [Fact]
    public void RemindersAreHiddenWhenTheViewerGetsNoInternalDetail()
    {
        _details.Details = Sample(internalDetail: false);

        var page = RenderCase();

        Assert.Empty(page.FindAll("[data-testid=case-reminders]"));
        Assert.NotEmpty(page.FindAll("[data-testid=case-people]"));
    }

    [Fact]
    public void AFirstRenderRecordsTheViewOnceAndLeavesANoteForTheInteractiveRender()
    {
        _details.Details = Sample();

        RenderCase();
        _state.TriggerOnPersisting();

        Assert.Equal(1, _details.RecordedViews);
        Assert.True(_state.TryTake<long>(CasePage.StateKey(Reference), out var noted));
        Assert.Equal(42, noted);
    }

    [Fact]
    public void AVisitThePrerenderAlreadyAuditedIsNotRecordedAgain()
    {
        _details.Details = Sample();
        _state.Persist(CasePage.StateKey(Reference), 42L);

        RenderCase();

        Assert.Equal(0, _details.RecordedViews);
    }
}
