using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.ActionPlans;

public sealed class ActionPlanComponentTests : BunitTestBase
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeActionPlanService _plans = new();

    public ActionPlanComponentTests()
    {
        Services.AddSingleton<IActionPlanService>(_plans);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        Services.AddSingleton(Options.Create(new ComplianceOptions()));
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
    }

    private IRenderedComponent<ActionEditor> RenderEditor(ActionInput? initial = null, long? actionId = null) =>
        Render<ActionEditor>(p => p
            .Add(x => x.CaseId, 42)
            .Add(x => x.ActionId, actionId)
            .Add(x => x.Initial, initial)
            .Add(x => x.CaseOpenedOn, new DateOnly(2026, 11, 1))
            .Add(x => x.Owners, [new OwnerOption("pc-1", "PC Patel")]));

    /// <summary>The labels of the fields whose own control shows the message: the error sits beside its field.</summary>
    private static List<string> LabelsBeside(IRenderedComponent<ActionEditor> editor, string message) =>
        editor.FindAll(".mud-input-control")
            .Where(c => c.QuerySelector(".mud-input-helper-text")?.TextContent.Contains(message) == true)
            .Select(c => c.QuerySelector("label")?.TextContent.Trim() ?? "")
            .ToList();

    [Fact]
    public void SavingAnEmptyActionShowsAnErrorNextToEachMissingFieldAndSendsNothing()
    {
        var editor = RenderEditor(new ActionInput { DueDate = null });

        editor.Find("[data-testid=action-save]").Click();

        Assert.Contains("Type", LabelsBeside(editor, "Choose the type of action."));
        Assert.Contains("Description", LabelsBeside(editor, "Describe the action."));
        Assert.Contains("Owner", LabelsBeside(editor, "Say who owns the action"));
        Assert.Contains("Due date", LabelsBeside(editor, "Give a due date."));
        Assert.Empty(_plans.Sent);
    }

    [Fact]
    public void AServerFieldErrorIsShownNextToItsField()
    {
        _plans.NextResult = CommandResult.Invalid(new Dictionary<string, string> { [ActionPlanValidation.Fields.DueDate] = "Cannot be before the case opened (1 Nov 2026)." });
        var editor = RenderEditor(Valid());

        editor.Find("[data-testid=action-save]").Click();

        Assert.Contains("Due date", LabelsBeside(editor, "Cannot be before the case opened (1 Nov 2026)."));
        Assert.Single(_plans.Sent);
    }

    [Fact]
    public void AConflictSaysSoAndKeepsWhatTheUserTyped()
    {
        _plans.NextResult = CommandResult.Conflict();
        var editor = RenderEditor(Valid(), actionId: 7);
        editor.Find("textarea").Change("Visit with the housing officer");

        editor.Find("[data-testid=action-save]").Click();

        Assert.Contains("Someone else saved a change", editor.Find("[data-testid=editor-message]").TextContent);
        var description = editor.Find("textarea");
        Assert.Equal("Visit with the housing officer", description.GetAttribute("value") ?? description.TextContent);
        Assert.Equal("Visit with the housing officer", Assert.Single(_plans.Sent).Description);
    }

    [Fact]
    public void AHighRiskCaseWithoutAPlanShowsThePlanRequiredBannerWithItsDueTime()
    {
        var banner = Render<PlanRequiredBanner>(p => p
            .Add(x => x.CaseRef, "ASB-2026-004213").Add(x => x.Status, CaseStatus.Open).Add(x => x.RiskLevel, RiskLevel.High)
            .Add(x => x.HighRiskSince, Now.AddHours(-2)).Add(x => x.HasPlan, false).Add(x => x.CanCreate, true));

        var alert = banner.Find("[data-testid=plan-required]");
        Assert.Contains("Action plan required within 72 hours", alert.TextContent);
        Assert.Contains("28 Nov 2026", alert.TextContent);
        Assert.Equal("/cases/ASB-2026-004213/plan", banner.Find("[data-testid=plan-create]").GetAttribute("href"));
    }

    [Theory]
    [InlineData(RiskLevel.High, true, CaseStatus.Open)]
    [InlineData(RiskLevel.Medium, false, CaseStatus.Open)]
    [InlineData(RiskLevel.High, false, CaseStatus.Closed)]
    public void NoBannerWhenThereIsAPlanTheCaseIsNotHighOrItIsClosed(RiskLevel level, bool hasPlan, CaseStatus status)
    {
        var banner = Render<PlanRequiredBanner>(p => p
            .Add(x => x.CaseRef, "ASB-2026-004213").Add(x => x.Status, status).Add(x => x.RiskLevel, level)
            .Add(x => x.HighRiskSince, Now.AddHours(-2)).Add(x => x.HasPlan, hasPlan));

        Assert.Empty(banner.FindAll("[data-testid=plan-required]"));
    }

    [Fact]
    public void ThePlanPageShowsTheBannerAndMarksOverdueActions()
    {
        _plans.Model = new ActionPlanPageModel
        {
            CaseId = 42,
            Reference = "ASB-2026-004213",
            Status = CaseStatus.Open,
            RiskLevel = RiskLevel.High,
            OpenedAt = Now.AddDays(-10),
            HighRiskSince = Now.AddHours(-80),
            CanEdit = true,
        };

        var page = Render<ActionPlanPage>(p => p.Add(x => x.CaseRef, "ASB-2026-004213"));

        Assert.Contains("overdue", page.Find("[data-testid=plan-required]").TextContent);
        page.Find("[data-testid=plan-create]").Click();
        Assert.NotEmpty(page.FindAll("[data-testid=objective-input]"));
    }

    private static ActionInput Valid() => new()
    {
        Type = ActionType.Visit,
        Description = "Visit the victim",
        OwnerUserId = "pc-1",
        DueDate = new DateOnly(2026, 11, 30),
        Version = 3,
    };
}
