using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>
/// The case review page's later edits: linking the application to a case, and giving when the behaviour of a report
/// relied on happened. Each form checks its rules beside the field before anything is sent, sends the application's
/// Version, shows the service's refusals beside the field and hands every result to the page.
/// </summary>
public sealed class LaterEditsPanelTests : BunitTestBase
{
    private static readonly DateTime Now = new(2026, 11, 20, 11, 0, 0, DateTimeKind.Utc);
    private readonly FakeCaseReviewLaterEdits _edits = new();
    private readonly List<CommandResult> _saved = [];

    public LaterEditsPanelTests()
    {
        Services.AddSingleton<ICaseReviewLaterEdits>(_edits);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("inspector@test.local").SetRoles(Roles.Inspector);
    }

    private static ThresholdReportView Report(long id, string reference, int daysAgo, bool reliedOn) =>
        new(id, reference, Now.AddDays(-daysAgo), "ASB-2026-000042", "LE11 1AA", AsbCategory.Personal, reliedOn,
            CountsForMatter: reliedOn, CountsForLocality: false, Explanation: reliedOn ? "Counted." : "Not relied on.");

    private static CaseReviewDetail Detail(bool canEdit = true, string? caseRef = null, params ThresholdReportView[] reports) => new()
    {
        Id = 17,
        Reference = "CR-2026-0007",
        Version = 4,
        AreaCode = "CHARNWOOD",
        AreaName = "Charnwood",
        CaseRef = caseRef,
        ApplicantKind = CaseReviewApplicant.Victim,
        ApplicantName = "Mrs A Victim",
        ReceivedVia = CaseReviewChannel.Phone,
        ReceivedAt = Now.AddDays(-2),
        Category = AsbCategory.Personal,
        Postcode = "LE11 1AA",
        Account = "Shouting and door kicking most nights.",
        Stage = CaseReviewStage.Received,
        Threshold = new ThresholdView(true, 3, 3, false, 1, 5, Now.AddMonths(-6), true, null, null, null, null, reports),
        Steps = [],
        Recommendations = [],
        Owners = [],
        LetterDraft = "",
        CanEdit = canEdit,
        CanDecide = false,
    };

    private IRenderedComponent<LaterEditsPanel> RenderPanel(CaseReviewDetail detail) =>
        Render<LaterEditsPanel>(p => p
            .Add(x => x.Detail, detail)
            .Add(x => x.OnSaved, EventCallback.Factory.Create<CommandResult>(this, r => _saved.Add(r))));

    /// <summary>The label of each field whose own control shows the message: the error sits beside its field.</summary>
    private static List<string> LabelsBeside(IRenderedComponent<LaterEditsPanel> panel, string message) =>
        panel.FindAll(".mud-input-control")
            .Where(c => c.QuerySelector(".mud-input-helper-text")?.TextContent.Contains(message) == true)
            .Select(c => c.QuerySelector("label")?.TextContent.Trim() ?? "")
            .ToList();

    [Fact]
    public void WhoMayNotEditTheApplicationSeesNeitherForm()
    {
        var panel = RenderPanel(Detail(canEdit: false, reports: Report(1, "LP-1", 10, reliedOn: true)));

        Assert.Empty(panel.FindAll("[data-testid=case-link-section]"));
        Assert.Empty(panel.FindAll("[data-testid=behaviour-date-section]"));
    }

    [Fact]
    public void WithoutAReportReliedOnThereIsNoBehaviourDateToGive()
    {
        var panel = RenderPanel(Detail(reports: Report(1, "LP-1", 10, reliedOn: false)));

        Assert.Single(panel.FindAll("[data-testid=case-link-section]"));
        Assert.Empty(panel.FindAll("[data-testid=behaviour-date-section]"));
    }

    [Fact]
    public void AnEmptyOrMalformedCaseReferenceIsShownBesideTheFieldAndNothingIsSent()
    {
        var panel = RenderPanel(Detail());

        panel.Find("[data-testid=case-link-save]").Click();
        panel.WaitForAssertion(() => Assert.Equal(["Case reference"], LabelsBeside(panel, "Give the case reference")));

        panel.Find("input[data-testid=case-link-ref]").Change("ASB-26-12");
        panel.Find("[data-testid=case-link-save]").Click();
        panel.WaitForAssertion(() => Assert.Equal(["Case reference"], LabelsBeside(panel, "Not a case reference")));

        Assert.Empty(_edits.Links);
        Assert.Empty(_saved);
    }

    [Fact]
    public void AWellFormedReferenceIsSentWithTheVersionReadAndTheFormEmptiesAfterTheSave()
    {
        var panel = RenderPanel(Detail());
        Assert.Contains("Link to a case", panel.Find("[data-testid=case-link-section]").TextContent);

        panel.Find("input[data-testid=case-link-ref]").Change(" ASB-2026-000123 ");
        panel.Find("[data-testid=case-link-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal((17L, 4, " ASB-2026-000123 "), Assert.Single(_edits.Links)));
        Assert.True(Assert.Single(_saved).Succeeded);
        Assert.Equal("", panel.Find("input[data-testid=case-link-ref]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void TheServicesRefusalOfTheCaseIsShownBesideTheFieldAndHandedToThePage()
    {
        _edits.Answer = CommandResult.Invalid(new Dictionary<string, string> { [nameof(CaseLinkInput.CaseRef)] = "No case ASB-2026-000999 in this application's area." });
        var panel = RenderPanel(Detail(caseRef: "ASB-2026-000042"));
        Assert.Contains("Change the linked case", panel.Find("[data-testid=case-link-section]").TextContent);

        panel.Find("input[data-testid=case-link-ref]").Change("ASB-2026-000999");
        panel.Find("[data-testid=case-link-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal(["Case reference"], LabelsBeside(panel, "No case ASB-2026-000999 in this application's area.")));
        Assert.False(Assert.Single(_saved).Succeeded);
        Assert.Equal("ASB-2026-000999", panel.Find("input[data-testid=case-link-ref]").GetAttribute("value"));
    }

    [Fact]
    public async Task OnlyReportsReliedOnAreOfferedForABehaviourDate()
    {
        Render<MudPopoverProvider>();
        var panel = RenderPanel(Detail(reports: [Report(1, "LP-RELIED-1", 40, reliedOn: true), Report(2, "LP-OTHER", 20, reliedOn: false), Report(3, "LP-RELIED-3", 5, reliedOn: true)]));

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<long?>>().Instance.OpenMenu());

        var offered = panel.FindComponents<MudSelectItem<long?>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([1L, 3L], offered);
    }

    [Fact]
    public async Task ABehaviourDateAfterTheReportWasMadeIsRefusedBesideTheDateAndNotSent()
    {
        var panel = RenderPanel(Detail(reports: Report(1, "LP-1", 10, reliedOn: true)));

        panel.Find("[data-testid=behaviour-save]").Click();
        panel.WaitForAssertion(() => Assert.Equal(["Report relied on"], LabelsBeside(panel, "Choose the report.")));
        Assert.Equal(["Behaviour on"], LabelsBeside(panel, "Give the date the behaviour happened."));

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<long?>>().Instance.ValueChanged.InvokeAsync(1));
        await panel.InvokeAsync(() => panel.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(Now.Date.AddDays(-3)));
        panel.Find("[data-testid=behaviour-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal(["Behaviour on"], LabelsBeside(panel, "Cannot be after the report was made (10 Nov 2026).")));
        Assert.Empty(_edits.BehaviourDates);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task ABehaviourDateBeforeTheReportIsSentForThatReportWithTheVersionRead()
    {
        var panel = RenderPanel(Detail(reports: [Report(1, "LP-1", 40, reliedOn: true), Report(3, "LP-3", 10, reliedOn: true)]));

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<long?>>().Instance.ValueChanged.InvokeAsync(3));
        await panel.InvokeAsync(() => panel.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(new DateTime(2026, 10, 28)));
        panel.Find("[data-testid=behaviour-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal((17L, 4, (long?)3, (DateTime?)new DateTime(2026, 10, 28)), Assert.Single(_edits.BehaviourDates)));
        Assert.True(Assert.Single(_saved).Succeeded);
        Assert.DoesNotContain(panel.FindAll(".mud-input-helper-text"), h => h.TextContent.Length > 0);
    }
}
