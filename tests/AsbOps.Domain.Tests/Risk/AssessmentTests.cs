using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Tests.Risk;

public sealed class AssessmentTests
{
    private static Assessment VictimAssessment(params (string Key, string Value)[] answers) => new()
    {
        Kind = AssessmentKind.Victim,
        CreatedByUserId = "officer",
        Answers = answers.Select(a => new AssessmentAnswer
        {
            QuestionKey = a.Key,
            Value = a.Value,
            Explanation = a.Value == "yes" ? "explained" : null,
        }).ToList(),
    };

    private static readonly (string, string)[] HighVictim =
    [
        ("frequency", "daily"), ("impact", "severe"), ("vulnerable", "yes"), ("repeatVictim", "unknown"),
        ("targeted", "yes"), ("hate", "no"), ("support", "none"), ("safeguarding", "no"),
    ];

    [Fact]
    public void RecalculateStoresScoreLevelAndUnknownCount()
    {
        var assessment = VictimAssessment(HighVictim);

        assessment.Recalculate(RiskGuidanceV1.Definition);

        Assert.Equal(3 + 3 + 3 + 1 + 2 + 0 + 2, assessment.Score);
        Assert.Equal(RiskLevel.High, assessment.ComputedLevel);
        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Equal(1, assessment.UnknownCount);
    }

    [Fact]
    public void LoweringAComputedHighWaitsForTheSergeant()
    {
        var assessment = VictimAssessment(HighVictim);
        assessment.JudgementLevel = RiskLevel.Medium;
        assessment.JudgementRationale = "Perpetrator has moved out of the area";

        assessment.Recalculate(RiskGuidanceV1.Definition);

        Assert.Equal(OverrideApproval.Pending, assessment.JudgementApproval);
        Assert.Equal(RiskLevel.High, assessment.Level);
    }

    [Fact]
    public void RaisingALevelNeedsNoApproval()
    {
        var assessment = VictimAssessment(("frequency", "first"), ("impact", "minimal"), ("vulnerable", "no"),
            ("repeatVictim", "no"), ("targeted", "no"), ("hate", "no"), ("support", "comprehensive"), ("safeguarding", "no"));
        assessment.JudgementLevel = RiskLevel.Medium;
        assessment.JudgementRationale = "Victim's carer reports escalating fear";

        assessment.Recalculate(RiskGuidanceV1.Definition);

        Assert.Equal(OverrideApproval.NotRequired, assessment.JudgementApproval);
        Assert.Equal(RiskLevel.Medium, assessment.Level);
    }
}
