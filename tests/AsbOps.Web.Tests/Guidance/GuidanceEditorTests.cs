using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using static AsbOps.Web.Tests.Guidance.GuidanceFormDriver;

namespace AsbOps.Web.Tests.Guidance;

public sealed class GuidanceEditorTests : BunitTestBase
{
    /// <summary>Version 1's victim matrix at its highest: 3 + 3 + 3 + 2 + 2 + 3 + 2 + 0.</summary>
    private const int VictimMaximumV1 = 18;

    private readonly List<GuidanceSubmission> _published = [];

    private IRenderedComponent<GuidanceEditor> RenderEditor(GuidanceDefinition? initial = null, IReadOnlyList<GuidanceError>? serverErrors = null) =>
        Render<GuidanceEditor>(p => p
            .Add(e => e.BasedOnNumber, 1)
            .Add(e => e.Initial, initial ?? RiskGuidanceV1.Definition)
            .Add(e => e.ServerErrors, serverErrors)
            .Add(e => e.OnPublish, s => _published.Add(s)));

    private static string MaximumOf(IRenderedComponent<GuidanceEditor> editor, AssessmentKind kind) =>
        editor.Find($"[data-testid='guidance-max-score'][data-kind='{kind}']").TextContent.Trim();

    private static bool PublishDisabled(IRenderedComponent<GuidanceEditor> editor) =>
        editor.Find("[data-testid='guidance-publish-submit']").HasAttribute("disabled");

    private static void WriteNotes(IRenderedComponent<GuidanceEditor> editor) => Field(editor, "guidance-notes").Input("Scores agreed by the group");

    [Fact]
    public async Task TheFormShowsEveryQuestionOptionAndBandOfTheVersionItStartsFrom()
    {
        var editor = RenderEditor();

        var v1 = RiskGuidanceV1.Definition;
        Assert.Equal(v1.Matrix(AssessmentKind.Victim).Questions.Count, editor.FindAll("[data-testid='question-editor']").Count);
        Assert.Equal("Is the person vulnerable?", Field(editor, "question-text-victim-2").GetAttribute("value") ?? Field(editor, "question-text-victim-2").TextContent);
        Assert.Equal("3", Field(editor, "option-score-victim-2-0").GetAttribute("value"));
        await OpenTabAsync(editor, "Perpetrator matrix");
        Assert.Equal(v1.Matrix(AssessmentKind.Perpetrator).Questions.Count, editor.FindAll("[data-testid='question-editor']").Count);
        Assert.Empty(editor.FindAll("[data-testid='question-text-victim-0']"));
        await OpenTabAsync(editor, "Bands");
        Assert.Equal(3, editor.FindAll("[data-testid='band-row']").Count);
        Assert.Equal(VictimMaximumV1.ToString(), MaximumOf(editor, AssessmentKind.Victim));
        Assert.Single(editor.FindAll("[data-testid='guidance-valid']"));
        Assert.Empty(editor.FindAll("[data-testid='guidance-error']"));
    }

    [Fact]
    public async Task ChangingAScoreUpdatesThePreviewMaximumOfThatMatrixOnly()
    {
        var editor = RenderEditor();
        var perpetrator = MaximumOf(editor, AssessmentKind.Perpetrator);

        Field(editor, "option-score-victim-2-0").Input("5");

        await EventuallyAsync(editor, () => Assert.Equal((VictimMaximumV1 + 2).ToString(), MaximumOf(editor, AssessmentKind.Victim)));
        Assert.Equal(perpetrator, MaximumOf(editor, AssessmentKind.Perpetrator));
    }

    [Fact]
    public async Task ABandGapShowsAnErrorNextToTheBandAndInTheSummaryAndDisablesPublishing()
    {
        var editor = RenderEditor();
        WriteNotes(editor);
        Assert.False(PublishDisabled(editor));
        await OpenTabAsync(editor, "Bands");

        Field(editor, "band-min-1").Input("7");

        await EventuallyAsync(editor, () => Assert.Contains("No band covers the score 6", HelperText(editor, "band-min-1")));
        Assert.True(PublishDisabled(editor));
        var error = Assert.Single(editor.FindAll("[data-testid='guidance-error']"));
        Assert.Equal("bands[1].minScore", error.GetAttribute("data-path"));
        Assert.Empty(editor.FindAll("[data-testid='guidance-valid']"));

        Field(editor, "band-min-1").Input("6");

        await EventuallyAsync(editor, () => Assert.False(PublishDisabled(editor)));
        Assert.Equal("", HelperText(editor, "band-min-1"));
    }

    [Fact]
    public async Task PublishingIsDisabledUntilTheNotesSayWhatChanged()
    {
        var editor = RenderEditor();
        Assert.True(PublishDisabled(editor));
        Assert.Contains("Say what changed", HelperText(editor, "guidance-notes"));

        WriteNotes(editor);

        await EventuallyAsync(editor, () => Assert.False(PublishDisabled(editor)));
    }

    [Fact]
    public async Task PublishingSendsTheEditedDefinitionWithTheNotes()
    {
        var editor = RenderEditor();
        Field(editor, "option-score-victim-2-0").Input("4");
        WriteNotes(editor);
        await EventuallyAsync(editor, () => Assert.False(PublishDisabled(editor)));

        editor.Find("[data-testid='guidance-publish-submit']").Click();

        await EventuallyAsync(editor, () => Assert.Single(_published));
        var submission = Assert.Single(_published);
        Assert.Equal(1, submission.BasedOnNumber);
        Assert.Equal("Scores agreed by the group", submission.Notes);
        Assert.Equal(4, submission.Definition.Matrix(AssessmentKind.Victim).FindQuestion("vulnerable")!.FindOption("yes")!.Score);
        Assert.Empty(GuidanceValidator.Validate(submission.Definition));
    }

    [Fact]
    public async Task AddingAQuestionRaisesTheMaximumWithItsYesScoreAndRemovingItRestoresIt()
    {
        var editor = RenderEditor();
        var count = RiskGuidanceV1.Definition.Matrix(AssessmentKind.Location).Questions.Count;
        var before = int.Parse(MaximumOf(editor, AssessmentKind.Location));
        await OpenTabAsync(editor, "Location matrix");

        editor.Find("[data-testid='question-add-location']").Click();
        Field(editor, $"option-score-location-{count}-0").Input("4");

        await EventuallyAsync(editor, () => Assert.Equal((before + 4).ToString(), MaximumOf(editor, AssessmentKind.Location)));
        Assert.Contains(editor.FindAll("[data-testid='guidance-error']"), e => e.GetAttribute("data-path") == $"matrices[2].questions[{count}].text");
        Assert.Contains("has no text", HelperText(editor, $"question-text-location-{count}"));

        editor.Find($"[data-testid='question-remove-location-{count}']").Click();

        await EventuallyAsync(editor, () => Assert.Equal(before.ToString(), MaximumOf(editor, AssessmentKind.Location)));
        Assert.Empty(editor.FindAll("[data-testid='guidance-error']"));
    }

    [Fact]
    public async Task MovingAQuestionDownSwapsItWithTheNextAndKeepsItsKey()
    {
        var editor = RenderEditor();
        await OpenTabAsync(editor, "Perpetrator matrix");

        editor.Find("[data-testid='question-down-perpetrator-0']").Click();

        await EventuallyAsync(editor, () => Assert.Equal(
            ["impact", "frequency"],
            editor.FindAll("[data-testid='guidance-matrix-editor'][data-kind='Perpetrator'] [data-testid='question-editor']")
                .Take(2).Select(q => q.GetAttribute("data-key"))));
    }

    [Fact]
    public async Task ASecondSafeguardingQuestionIsReportedOnItsMatrix()
    {
        var editor = RenderEditor();

        Field(editor, "question-safeguarding-victim-4").Change(true);

        await EventuallyAsync(editor, () => Assert.Contains("2 safeguarding questions", editor.Find("[data-testid='matrix-error-victim']").TextContent));
        Assert.True(PublishDisabled(editor));
    }

    [Fact]
    public void ErrorsTheServerReturnsAreShownAboveTheForm()
    {
        var editor = RenderEditor(serverErrors: [new GuidanceError("version", "Version 2 was published by someone else while you were editing.")]);

        var error = Assert.Single(editor.FindAll("[data-testid='guidance-error']"));
        Assert.Contains("published by someone else", error.TextContent);
    }

    [Fact]
    public async Task JsonLoadedInTheAdvancedTabReplacesTheFormAndItsErrorsShowNextToTheFields()
    {
        var editor = RenderEditor();
        var gap = RiskGuidanceV1.Definition with
        {
            Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 7, 10), new(RiskLevel.High, 11, null)],
        };
        await OpenTabAsync(editor, "Advanced: JSON");

        Field(editor, "guidance-json-import").Change(GuidanceJson.Write(gap));
        editor.Find("[data-testid='guidance-json-import-submit']").Click();
        await OpenTabAsync(editor, "Bands");

        await EventuallyAsync(editor, () => Assert.Contains("No band covers the score 6", HelperText(editor, "band-min-1")));
        Assert.Equal("7", Field(editor, "band-min-1").GetAttribute("value"));
    }

    [Fact]
    public async Task BrokenJsonInTheAdvancedTabShowsTheLineOfTheProblemAndLeavesTheFormAlone()
    {
        var editor = RenderEditor();
        var json = GuidanceJson.Write(RiskGuidanceV1.Definition).Replace("\"yesNoUnknown\"", "\"maybe\"", StringComparison.Ordinal);
        await OpenTabAsync(editor, "Advanced: JSON");

        Field(editor, "guidance-json-import").Change(json);
        editor.Find("[data-testid='guidance-json-import-submit']").Click();

        await EventuallyAsync(editor, () => Assert.Contains("choice, yesNo or yesNoUnknown", HelperText(editor, "guidance-json-import")));
        Assert.Contains("Line ", HelperText(editor, "guidance-json-import"));
        Assert.Single(editor.FindAll("[data-testid='guidance-valid']"));
    }

}
