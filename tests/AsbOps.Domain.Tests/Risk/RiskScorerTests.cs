using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Tests.Risk;

public sealed class RiskScorerTests
{
    private static readonly GuidanceDefinition V1 = RiskGuidanceV1.Definition;

    private static Dictionary<string, AnswerInput> Victim(
        string frequency = "first", string impact = "minimal", string vulnerable = "no", string repeat = "no",
        string targeted = "no", string hate = "no", string support = "comprehensive", string safeguarding = "no") =>
        new()
        {
            ["frequency"] = new(frequency, null),
            ["impact"] = new(impact, null),
            ["vulnerable"] = new(vulnerable, vulnerable == "yes" ? "Lives alone, recent bereavement" : null),
            ["repeatVictim"] = new(repeat, repeat == "yes" ? "Third report this month" : null),
            ["targeted"] = new(targeted, targeted == "yes" ? "Door kicked nightly" : null),
            ["hate"] = new(hate, hate == "yes" ? "Racist abuse shouted" : null),
            ["support"] = new(support, null),
            ["safeguarding"] = new(safeguarding, safeguarding == "yes" ? "Child in the home" : null),
        };

    [Theory]
    [InlineData(0, RiskLevel.Low)]
    [InlineData(5, RiskLevel.Low)]
    [InlineData(6, RiskLevel.Medium)]
    [InlineData(10, RiskLevel.Medium)]
    [InlineData(11, RiskLevel.High)]
    [InlineData(19, RiskLevel.High)]
    public void BandsOfVersionOneSplitAtFiveSixAndTenEleven(int score, RiskLevel expected) =>
        Assert.Equal(expected, RiskScorer.BandFor(V1.Bands, score));

    [Fact]
    public void AllLowestAnswersScoreZeroAndAreLow()
    {
        var result = RiskScorer.Evaluate(V1, AssessmentKind.Victim, Victim());

        Assert.Equal(0, result.Score);
        Assert.Equal(RiskLevel.Low, result.ComputedLevel);
        Assert.True(result.IsAnswered);
    }

    [Fact]
    public void ScoresAddUpAcrossTheVictimMatrix()
    {
        // weekly 2 + significant 2 + vulnerable unknown 2 + repeat yes 2 + support some 1 = 9
        var result = RiskScorer.Evaluate(V1, AssessmentKind.Victim,
            Victim(frequency: "weekly", impact: "significant", vulnerable: "unknown", repeat: "yes", support: "some"));

        Assert.Equal(9, result.Score);
        Assert.Equal(RiskLevel.Medium, result.ComputedLevel);
        Assert.Equal(["vulnerable"], result.UnknownQuestions);
    }

    [Fact]
    public void VulnerableAndTargetedIsAtLeastHighWhateverTheScore()
    {
        // vulnerable yes 3 + targeted yes 2 = 5: band low, rule lifts it to high.
        var result = RiskScorer.Evaluate(V1, AssessmentKind.Victim, Victim(vulnerable: "yes", targeted: "yes"));

        Assert.Equal(5, result.Score);
        Assert.Equal(RiskLevel.Low, result.BandLevel);
        Assert.Equal(RiskLevel.High, result.ComputedLevel);
        Assert.Single(result.AppliedRules);
    }

    [Fact]
    public void VulnerableWithoutTargetingGetsNoFloor()
    {
        var result = RiskScorer.Evaluate(V1, AssessmentKind.Victim, Victim(vulnerable: "yes"));

        Assert.Equal(RiskLevel.Low, result.ComputedLevel);
        Assert.Empty(result.AppliedRules);
    }

    [Theory]
    [InlineData(AssessmentKind.Victim)]
    [InlineData(AssessmentKind.Perpetrator)]
    public void SafeguardingConcernIsAtLeastMedium(AssessmentKind kind)
    {
        var answers = kind == AssessmentKind.Victim
            ? Victim(safeguarding: "yes")
            : new Dictionary<string, AnswerInput>
            {
                ["frequency"] = new("first", null),
                ["impact"] = new("minimal", null),
                ["escalating"] = new("no", null),
                ["vulnerabilities"] = new("no", null),
                ["support"] = new("comprehensive", null),
                ["targeting"] = new("no", null),
                ["safeguarding"] = new("yes", "Exploited by older group"),
            };

        var result = RiskScorer.Evaluate(V1, kind, answers);

        Assert.Equal(0, result.Score);
        Assert.Equal(RiskLevel.Medium, result.ComputedLevel);
        Assert.True(result.SafeguardingConcern);
    }

    [Fact]
    public void AYesWithoutExplanationIsNotAnswered()
    {
        var answers = Victim();
        answers["repeatVictim"] = new("yes", "   ");

        var result = RiskScorer.Evaluate(V1, AssessmentKind.Victim, answers);

        Assert.False(result.IsAnswered);
        Assert.Equal(["repeatVictim"], result.MissingExplanations);
    }

    [Fact]
    public void MissingAndInvalidAnswersAreListedAsUnanswered()
    {
        var answers = Victim();
        answers.Remove("impact");
        answers["frequency"] = new("hourly", null);

        var result = RiskScorer.Evaluate(V1, AssessmentKind.Victim, answers);

        Assert.Equal(["frequency", "impact"], result.UnansweredQuestions);
        Assert.False(result.IsAnswered);
    }

    [Fact]
    public void PerpetratorMatrixScoresEscalationAndVulnerabilities()
    {
        var answers = new Dictionary<string, AnswerInput>
        {
            ["frequency"] = new("daily", null),
            ["impact"] = new("severe", null),
            ["escalating"] = new("yes", "Now carrying a knife"),
            ["vulnerabilities"] = new("unknown", null),
            ["support"] = new("none", null),
            ["targeting"] = new("yes", "Same family"),
            ["safeguarding"] = new("no", null),
        };

        var result = RiskScorer.Evaluate(V1, AssessmentKind.Perpetrator, answers);

        Assert.Equal(3 + 3 + 3 + 1 + 2 + 2, result.Score);
        Assert.Equal(RiskLevel.High, result.ComputedLevel);
    }

    [Fact]
    public void LocationMatrixScoresItsFiveQuestions()
    {
        var answers = new Dictionary<string, AnswerInput>
        {
            ["frequency"] = new("weekly", null),
            ["impact"] = new("some", null),
            ["escalation"] = new("medium", null),
            ["vulnerableNearby"] = new("yes", "Primary school opposite"),
            ["measures"] = new("some", null),
        };

        var result = RiskScorer.Evaluate(V1, AssessmentKind.Location, answers);

        Assert.Equal(2 + 1 + 2 + 2 + 1, result.Score);
        Assert.Equal(RiskLevel.Medium, result.ComputedLevel);
    }

    [Theory]
    [InlineData(RiskLevel.High, RiskLevel.Medium, OverrideApproval.Pending, RiskLevel.High)]
    [InlineData(RiskLevel.High, RiskLevel.Medium, OverrideApproval.Rejected, RiskLevel.High)]
    [InlineData(RiskLevel.High, RiskLevel.Medium, OverrideApproval.Approved, RiskLevel.Medium)]
    [InlineData(RiskLevel.Medium, RiskLevel.Low, OverrideApproval.NotRequired, RiskLevel.Low)]
    [InlineData(RiskLevel.Low, RiskLevel.High, OverrideApproval.NotRequired, RiskLevel.High)]
    public void ProfessionalJudgementCountsExceptLoweringAHighBeforeApproval(
        RiskLevel computed, RiskLevel judgement, OverrideApproval approval, RiskLevel expected) =>
        Assert.Equal(expected, RiskScorer.EffectiveLevel(computed, judgement, approval));

    [Fact]
    public void AGuidanceVersionTwoWithOtherScoresAndBandsIsHonoured()
    {
        var v1Victim = V1.Matrix(AssessmentKind.Victim);
        var heavierRepeat = v1Victim.Questions
            .Select(q => q.Key == "repeatVictim"
                ? q with { Options = [new("yes", "Yes", 6), new("no", "No", 0), new("unknown", "Unknown", 4)] }
                : q)
            .ToList();
        var v2 = new GuidanceDefinition(
            [v1Victim with { Questions = heavierRepeat, Rules = [] }],
            [new ScoreBand(RiskLevel.Low, 0, 3), new ScoreBand(RiskLevel.Medium, 4, 7), new ScoreBand(RiskLevel.High, 8, null)]);

        var underV1 = RiskScorer.Evaluate(V1, AssessmentKind.Victim, Victim(repeat: "yes", vulnerable: "yes", targeted: "yes"));
        var underV2 = RiskScorer.Evaluate(v2, AssessmentKind.Victim, Victim(repeat: "yes", vulnerable: "yes", targeted: "yes"));

        Assert.Equal(7, underV1.Score);
        Assert.Equal(RiskLevel.High, underV1.ComputedLevel);
        Assert.Equal(11, underV2.Score);
        Assert.Equal(RiskLevel.High, underV2.BandLevel);
        Assert.Empty(underV2.AppliedRules);
    }

    [Fact]
    public void BandsThatLeaveAGapAreReportedNotGuessed()
    {
        IReadOnlyList<ScoreBand> gappy = [new ScoreBand(RiskLevel.Low, 0, 4), new ScoreBand(RiskLevel.High, 6, null)];

        Assert.Throws<InvalidOperationException>(() => RiskScorer.BandFor(gappy, 5));
    }
}
