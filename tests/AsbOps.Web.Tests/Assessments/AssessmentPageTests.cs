using AngleSharp.Dom;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Assessments;

public sealed class AssessmentPageTests : BunitTestBase
{
    private readonly FakeAssessmentService _service = new();

    public AssessmentPageTests()
    {
        Services.AddSingleton<IAssessmentService>(_service);
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
    }

    private IRenderedComponent<AssessmentPage> RenderForm() =>
        Render<AssessmentPage>(p => p.Add(x => x.CaseRef, "ASB-2026-004213").Add(x => x.ParticipantId, 7L));

    private static void Pick(IRenderedComponent<AssessmentPage> page, string question, string value)
    {
        var element = page.Find($"[data-testid='option-{question}-{value}']");
        var input = element.TagName == "INPUT" ? element : element.QuerySelector("input[type=radio]") ?? element;
        input.Click();
    }

    private static void Type(IRenderedComponent<AssessmentPage> page, string testId, string text)
    {
        var element = page.Find($"[data-testid='{testId}']");
        var field = element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("textarea, input")!;
        field.Input(text);
    }

    private static string Text(IRenderedComponent<AssessmentPage> page, string testId) => page.Find($"[data-testid='{testId}']").TextContent.Trim();

    /// <summary>
    /// The message MudBlazor shows under the field holding the testid (for a radio, under its group): the error sits
    /// beside its field.
    /// </summary>
    private static string MessageBeside(IRenderedComponent<AssessmentPage> page, string testId)
    {
        var element = page.Find($"[data-testid='{testId}']");
        var control = (element.Closest("[role=radiogroup]") ?? element).Closest(".mud-input-control");
        return control?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
    }

    [Fact]
    public void TheScoreAndLevelFollowEachAnswerAsItIsPicked()
    {
        var page = RenderForm();
        Assert.Empty(page.FindAll("[data-testid='assessment-score']"));
        Assert.Empty(page.FindAll("[data-testid='assessment-level']"));
        Assert.Single(page.FindAll("[data-testid='assessment-no-score']"));

        Pick(page, "frequency", "daily");
        page.WaitForAssertion(() => Assert.Equal("3", Text(page, "assessment-score")));
        Pick(page, "vulnerable", "yes");
        Pick(page, "targeted", "yes");

        page.WaitForAssertion(() => Assert.Equal("8", Text(page, "assessment-score")));
        Assert.Equal("High", Text(page, "assessment-level"));
    }

    [Fact]
    public void AYesWithoutItsExplanationShowsAnErrorNextToTheFieldAndIsNotSaved()
    {
        var page = RenderForm();
        Pick(page, "hate", "yes");

        page.Find("[data-testid='save-draft']").Click();

        page.WaitForAssertion(() => Assert.Equal("A yes needs an explanation.", MessageBeside(page, "explanation-hate")));
        Assert.Empty(_service.Commands);
        Type(page, "explanation-hate", "Racist graffiti on the door");
        page.Find("[data-testid='save-draft']").Click();
        page.WaitForAssertion(() => Assert.Single(_service.Commands));
        Assert.Equal("", MessageBeside(page, "explanation-hate"));
    }

    [Fact]
    public void ASafeguardingYesOpensTheReferralFormWhichCompletionRequiresButADraftDoesNot()
    {
        _service.Form = FakeAssessmentService.Sample() with
        {
            Answers = AssessmentFixture.VictimAnswers().Where(a => a.QuestionKey != "safeguarding").ToList(),
        };
        var page = RenderForm();
        Assert.Empty(page.FindAll("[data-testid='safeguarding-form']"));

        Pick(page, "safeguarding", "yes");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='safeguarding-form']")));
        Type(page, "explanation-safeguarding", "Child in the home is frightened");
        page.Find("[data-testid='complete-assessment']").Click();

        page.WaitForAssertion(() => Assert.NotEqual("", MessageBeside(page, "safeguarding-concerns")));
        Assert.Equal("Choose the agency the safeguarding referral goes to.", MessageBeside(page, "agency-LocalAuthority"));
        Assert.Empty(_service.Commands);
        page.Find("[data-testid='save-draft']").Click();
        page.WaitForAssertion(() => Assert.Single(_service.Commands));
        Assert.False(_service.Commands[0].Complete);
        Assert.NotNull(_service.Commands[0].Safeguarding);
    }

    [Fact]
    public void AConflictShowsAClearMessageAndKeepsTheInputToReApply()
    {
        _service.Form = FakeAssessmentService.Sample() with { AssessmentId = 5, Version = 3 };
        _service.Results.Enqueue(AssessmentSaveResult.Conflict("PC Other saved this assessment after you opened it."));
        var page = RenderForm();
        Pick(page, "frequency", "daily");

        page.Find("[data-testid='save-draft']").Click();

        page.WaitForAssertion(() => Assert.Contains("PC Other saved this assessment", Text(page, "save-conflict")));
        Assert.Equal("3", Text(page, "assessment-score"));
        _service.Form = _service.Form with { Version = 4 };
        page.Find("[data-testid='conflict-reapply']").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='save-conflict']")));
        Assert.Equal("3", Text(page, "assessment-score"));
        page.Find("[data-testid='save-draft']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, _service.Commands.Count));
        Assert.Equal(4, _service.Commands[1].ExpectedVersion);
        Assert.Contains(_service.Commands[1].Answers, a => a.QuestionKey == "frequency" && a.Value == "daily");
    }
}
