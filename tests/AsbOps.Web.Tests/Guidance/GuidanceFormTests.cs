using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Guidance;

namespace AsbOps.Web.Tests.Guidance;

public sealed class GuidanceFormTests
{
    private static MatrixForm Victim(GuidanceForm form) => form.Matrices.Single(m => m.Kind == AssessmentKind.Victim);

    [Fact]
    public void AVersionCopiedIntoTheFormComesBackUnchanged()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);

        Assert.Equal(GuidanceJson.Write(RiskGuidanceV1.Definition), GuidanceJson.Write(form.ToDefinition()));
    }

    [Fact]
    public void EditingTheFormLeavesTheVersionItWasCopiedFromAlone()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);

        Victim(form).Questions[0].Options[0].Score = 9;
        form.Bands[0].MaxScore = 4;

        Assert.Equal(0, RiskGuidanceV1.Definition.Matrix(AssessmentKind.Victim).Questions[0].Options[0].Score);
        Assert.Equal(5, RiskGuidanceV1.Definition.Bands[0].MaxScore);
    }

    [Fact]
    public void AChoiceTurnedYesNoUnknownGetsExactlyYesNoAndUnknownKeepingTheScoresOfThoseItHad()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);
        var targeted = Victim(form).Questions.Single(q => q.Key == "targeted");

        targeted.ChangeType(QuestionType.YesNoUnknown);

        Assert.Equal(["yes", "no", "unknown"], targeted.Options.Select(o => o.Value));
        Assert.Equal(2, targeted.Options[0].Score);
        Assert.Empty(GuidanceValidator.Validate(form.ToDefinition()));
    }

    [Fact]
    public void AYesNoUnknownQuestionTurnedYesNoLosesItsUnknownOption()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);
        var vulnerable = Victim(form).Questions.Single(q => q.Key == "vulnerable");

        vulnerable.ChangeType(QuestionType.YesNo);

        Assert.Equal(["yes", "no"], vulnerable.Options.Select(o => o.Value));
        Assert.Empty(GuidanceValidator.Validate(form.ToDefinition()));
    }

    [Fact]
    public void RenamingAQuestionKeyCarriesTheRulesThatUseIt()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);
        var victim = Victim(form);

        victim.RenameKey(victim.Questions.Single(q => q.Key == "vulnerable"), "isVulnerable");

        Assert.Contains(victim.Rules[0].AllOf, c => c.QuestionKey == "isVulnerable");
        Assert.Empty(GuidanceValidator.Validate(form.ToDefinition()));
    }

    [Fact]
    public void RenamingAKeyToOneAlreadyTakenLeavesTheRulesPointingWhereTheyDid()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);
        var victim = Victim(form);

        victim.RenameKey(victim.Questions.Single(q => q.Key == "vulnerable"), "hate");

        Assert.Contains(victim.Rules[0].AllOf, c => c.QuestionKey == "vulnerable");
        Assert.Contains(GuidanceValidator.Validate(form.ToDefinition()), e => e.Path == "matrices[0].questions[5].key");
    }

    [Fact]
    public void ABandAddedAfterAnOpenLastBandClosesItAndStartsRightAfter()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition with
        {
            Bands = [new ScoreBand(RiskLevel.Low, 0, 5), new ScoreBand(RiskLevel.Medium, 6, null)],
        });

        form.AddBand();

        Assert.Equal(6, form.Bands[1].MaxScore);
        Assert.Equal((RiskLevel.High, 7, (int?)null), (form.Bands[2].Level, form.Bands[2].MinScore, form.Bands[2].MaxScore));
        Assert.Empty(GuidanceValidator.Validate(form.ToDefinition()));
    }

    [Fact]
    public void ANewQuestionGetsAnUnusedKeyAndTheYesNoUnknownOptions()
    {
        var form = GuidanceForm.From(RiskGuidanceV1.Definition);
        var location = form.Matrices.Single(m => m.Kind == AssessmentKind.Location);
        location.Questions[0].Key = "question6";

        var added = location.AddQuestion();

        Assert.Equal("question7", added.Key);
        Assert.Equal(["yes", "no", "unknown"], added.Options.Select(o => o.Value));
    }
}
