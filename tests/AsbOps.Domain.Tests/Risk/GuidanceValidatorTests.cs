using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Tests.Risk;

public sealed class GuidanceValidatorTests
{
    private static readonly GuidanceDefinition V1 = RiskGuidanceV1.Definition;

    [Fact]
    public void VersionOnePassesWithoutErrors()
    {
        Assert.Empty(GuidanceValidator.Validate(V1));
    }

    [Fact]
    public void ABandGapAtSixIsReportedOnTheBandThatStartsTooLate()
    {
        var guidance = V1 with { Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 7, 10), new(RiskLevel.High, 11, null)] };

        var error = Assert.Single(GuidanceValidator.Validate(guidance));

        Assert.Equal("bands[1].minScore", error.Path);
        Assert.Contains("No band covers the score 6", error.Message);
    }

    [Fact]
    public void OverlappingBandsAreRefused()
    {
        var guidance = V1 with { Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 5, 10), new(RiskLevel.High, 11, null)] };

        var error = Assert.Single(GuidanceValidator.Validate(guidance));

        Assert.Equal("bands[1].minScore", error.Path);
        Assert.Contains("overlaps", error.Message);
    }

    [Fact]
    public void BandsMustStartAtZero()
    {
        var guidance = V1 with { Bands = [new(RiskLevel.Low, 1, 5), new(RiskLevel.Medium, 6, 10), new(RiskLevel.High, 11, null)] };

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "bands[0].minScore");
    }

    [Fact]
    public void BandsThatStopBelowAMatrixMaximumAreRefusedNamingTheMatrix()
    {
        var victimMaximum = GuidanceValidator.MaximumScore(V1.Matrix(AssessmentKind.Victim));
        var guidance = V1 with { Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 6, 10), new(RiskLevel.High, 11, 15)] };

        var errors = GuidanceValidator.Validate(guidance);

        Assert.Equal(18, victimMaximum);
        Assert.Contains(errors, e => e.Path == "bands[2].maxScore" && e.Message.Contains("Victim matrix can score up to 18"));
    }

    [Fact]
    public void ABandEndingExactlyAtEveryMatrixMaximumIsAccepted()
    {
        var top = V1.Matrices.Max(GuidanceValidator.MaximumScore);
        var guidance = V1 with { Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 6, 10), new(RiskLevel.High, 11, top)] };

        Assert.Empty(GuidanceValidator.Validate(guidance));
    }

    [Fact]
    public void BandsOutOfLevelOrderAreRefused()
    {
        var guidance = V1 with { Bands = [new(RiskLevel.Medium, 0, 5), new(RiskLevel.Low, 6, 10), new(RiskLevel.High, 11, null)] };

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "bands[1].level");
    }

    [Fact]
    public void AnOpenEndedBandBeforeTheLastIsRefused()
    {
        var guidance = V1 with { Bands = [new(RiskLevel.Low, 0, null), new(RiskLevel.High, 11, null)] };

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "bands[0].maxScore" && e.Message.Contains("only the last band"));
    }

    [Fact]
    public void AVictimMatrixWithoutItsSafeguardingQuestionIsRefused()
    {
        var victim = V1.Matrix(AssessmentKind.Victim);
        var withoutSafeguarding = victim with
        {
            Questions = [.. victim.Questions.Where(q => !q.IsSafeguarding)],
            Rules = [.. victim.Rules.Where(r => r.AllOf.All(c => c.QuestionKey != "safeguarding"))],
        };

        var errors = GuidanceValidator.Validate(Replace(withoutSafeguarding));

        var error = Assert.Single(errors);
        Assert.Equal("matrices[0].questions", error.Path);
        Assert.Contains("no safeguarding question", error.Message);
    }

    [Fact]
    public void APerpetratorMatrixWithTwoSafeguardingQuestionsIsRefused()
    {
        var perpetrator = V1.Matrix(AssessmentKind.Perpetrator);
        var twice = perpetrator with
        {
            Questions = [.. perpetrator.Questions.Select(q => q.Key == "targeting" ? q with { IsSafeguarding = true } : q)],
        };

        Assert.Contains(GuidanceValidator.Validate(Replace(twice)), e => e.Path == "matrices[1].questions" && e.Message.Contains("2 safeguarding questions"));
    }

    [Fact]
    public void AFloorRuleOnAnUnknownQuestionIsRefused()
    {
        var victim = V1.Matrix(AssessmentKind.Victim);
        var broken = victim with
        {
            Rules = [.. victim.Rules, new FloorRule("Lives alone → high", [new AnswerCondition("livesAlone", QuestionDefinition.Yes)], RiskLevel.High)],
        };

        var error = Assert.Single(GuidanceValidator.Validate(Replace(broken)));

        Assert.Equal("matrices[0].rules[2].allOf[0].questionKey", error.Path);
        Assert.Contains("'livesAlone'", error.Message);
    }

    [Fact]
    public void AFloorRuleOnAnOptionTheQuestionDoesNotHaveIsRefused()
    {
        var victim = V1.Matrix(AssessmentKind.Victim);
        var broken = victim with
        {
            Rules = [new FloorRule("Daily → high", [new AnswerCondition("frequency", "hourly")], RiskLevel.High)],
        };

        var error = Assert.Single(GuidanceValidator.Validate(Replace(broken)));

        Assert.Equal("matrices[0].rules[0].allOf[0].value", error.Path);
    }

    [Fact]
    public void AYesNoUnknownQuestionWithoutItsUnknownOptionIsRefused()
    {
        var error = Assert.Single(GuidanceValidator.Validate(ReplaceQuestion("vulnerable", q => q with { Options = [.. q.Options.Where(o => o.Value != QuestionDefinition.Unknown)] })));

        Assert.Equal("matrices[0].questions[2].options", error.Path);
        Assert.Contains("exactly the options yes, no, unknown", error.Message);
    }

    [Fact]
    public void AYesNoQuestionWithAnUnknownOptionIsRefused()
    {
        var guidance = ReplaceQuestion("targeted", q => q with { Options = [.. q.Options, new OptionDefinition(QuestionDefinition.Unknown, "Unknown", 1)] });

        var error = Assert.Single(GuidanceValidator.Validate(guidance));

        Assert.Equal("matrices[0].questions[4].options", error.Path);
    }

    [Fact]
    public void ANegativeScoreIsRefused()
    {
        var guidance = ReplaceQuestion("support", q => q with { Options = [.. q.Options.Select(o => o.Value == "comprehensive" ? o with { Score = -1 } : o)] });

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "matrices[0].questions[6].options[2].score");
    }

    [Fact]
    public void DuplicateOptionValuesAreRefused()
    {
        var guidance = ReplaceQuestion("impact", q => q with { Options = [.. q.Options.Select(o => o.Value == "some" ? o with { Value = "minimal" } : o)] });

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "matrices[0].questions[1].options[1].value" && e.Message.Contains("used twice"));
    }

    [Fact]
    public void DuplicateQuestionKeysInOneMatrixAreRefused()
    {
        var guidance = ReplaceQuestion("hate", q => q with { Key = "targeted" });

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "matrices[0].questions[5].key" && e.Message.Contains("used twice"));
    }

    [Fact]
    public void TheSameKeyInDifferentMatricesIsAllowed()
    {
        Assert.Contains(V1.Matrix(AssessmentKind.Perpetrator).Questions, q => q.Key == "frequency");
        Assert.Contains(V1.Matrix(AssessmentKind.Victim).Questions, q => q.Key == "frequency");
        Assert.Empty(GuidanceValidator.Validate(V1));
    }

    [Fact]
    public void AMissingLocationMatrixIsRefused()
    {
        var guidance = V1 with { Matrices = [.. V1.Matrices.Where(m => m.Kind != AssessmentKind.Location)] };

        var error = Assert.Single(GuidanceValidator.Validate(guidance));

        Assert.Equal("matrices", error.Path);
        Assert.Contains("location matrix is missing", error.Message);
    }

    [Fact]
    public void AQuestionWithOneOptionIsRefused()
    {
        var guidance = ReplaceQuestion("frequency", q => q with { Options = [q.Options[0]] });

        Assert.Contains(GuidanceValidator.Validate(guidance), e => e.Path == "matrices[0].questions[0].options" && e.Message.Contains("at least two"));
    }

    [Fact]
    public void AVersionTwoWithOtherScoresAndAnExtraQuestionPasses()
    {
        var victim = V1.Matrix(AssessmentKind.Victim);
        var extra = new QuestionDefinition("livesAlone", "Does the person live alone?", QuestionType.YesNoUnknown,
            [new(QuestionDefinition.Yes, "Yes", 2), new(QuestionDefinition.No, "No", 0), new(QuestionDefinition.Unknown, "Unknown", 1)]);
        var v2 = Replace(victim with { Questions = [.. victim.Questions, extra] }) with
        {
            Bands = [new(RiskLevel.Low, 0, 6), new(RiskLevel.Medium, 7, 12), new(RiskLevel.High, 13, null)],
        };

        Assert.Empty(GuidanceValidator.Validate(v2));
    }

    private static GuidanceDefinition Replace(MatrixDefinition matrix) =>
        V1 with { Matrices = [.. V1.Matrices.Select(m => m.Kind == matrix.Kind ? matrix : m)] };

    private static GuidanceDefinition ReplaceQuestion(string victimKey, Func<QuestionDefinition, QuestionDefinition> change)
    {
        var victim = V1.Matrix(AssessmentKind.Victim);
        return Replace(victim with { Questions = [.. victim.Questions.Select(q => q.Key == victimKey ? change(q) : q)] });
    }
}
