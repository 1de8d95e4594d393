using AsbOps.Domain.Risk;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Fills in risk matrices the way officers do: answers follow how serious the problem is, every yes is explained,
/// unknown is rare, and the level comes from the domain's own scorer.
/// </summary>
internal sealed class DemoAssessmentBuilder(GuidanceDefinition guidance, int guidanceVersionId)
{
    // How often each yes/no question is answered yes for a middling case.
    private static readonly Dictionary<string, double> YesRates = new(StringComparer.Ordinal)
    {
        ["vulnerable"] = 0.22,
        ["repeatVictim"] = 0.35,
        ["targeted"] = 0.3,
        ["hate"] = 0.06,
        ["safeguarding"] = 0.07,
        ["escalating"] = 0.3,
        ["vulnerabilities"] = 0.35,
        ["targeting"] = 0.35,
        ["vulnerableNearby"] = 0.4,
    };

    /// <summary>A complete assessment; <paramref name="unknownRate"/> is the chance of each Y/N/U question being unknown.</summary>
    public Assessment Complete(Random rng, AssessmentKind kind, double severity, DateTime createdAt, string userId, double unknownRate)
    {
        var assessment = New(kind, createdAt, userId);
        var matrix = guidance.Matrix(kind);
        foreach (var question in matrix.Questions)
        {
            assessment.Answers.Add(Answer(rng, question, severity, unknownRate, createdAt));
        }

        assessment.Status = AssessmentStatus.Complete;
        assessment.CompletedAt = createdAt.AddMinutes(rng.Next(8, 45));
        assessment.Recalculate(guidance);
        return assessment;
    }

    /// <summary>A draft saved part-way: some questions answered, the level not yet known.</summary>
    public Assessment Draft(Random rng, AssessmentKind kind, double severity, DateTime createdAt, string userId)
    {
        var assessment = New(kind, createdAt, userId);
        var questions = guidance.Matrix(kind).Questions;
        var answered = rng.Next(1, questions.Count - 1);
        foreach (var question in questions.Take(answered))
        {
            assessment.Answers.Add(Answer(rng, question, severity, 0, createdAt));
        }

        assessment.Recalculate(guidance);
        assessment.Level = RiskLevel.NotAssessed;
        return assessment;
    }

    /// <summary>Professional judgement: the officer sets another level with a rationale; approval as given.</summary>
    public void Judge(Random rng, Assessment assessment, RiskLevel level, OverrideApproval approval, string? approverId)
    {
        assessment.JudgementLevel = level;
        assessment.JudgementRationale = level > assessment.ComputedLevel ? DemoCaseTexts.RaisedRationale(rng) : DemoCaseTexts.LoweredRationale(rng);
        assessment.JudgementApproval = approval;
        if (approval == OverrideApproval.Approved)
        {
            assessment.ApprovedByUserId = approverId;
            assessment.ApprovedAt = (assessment.CompletedAt ?? assessment.CreatedAt).AddHours(rng.Next(2, 72));
        }

        assessment.Recalculate(guidance);
    }

    private Assessment New(AssessmentKind kind, DateTime createdAt, string userId) => new()
    {
        Kind = kind,
        GuidanceVersionId = guidanceVersionId,
        CreatedAt = createdAt,
        CreatedByUserId = userId,
        IsCurrent = true,
    };

    private static AssessmentAnswer Answer(Random rng, QuestionDefinition question, double severity, double unknownRate, DateTime at)
    {
        string value;
        if (question.Type == QuestionType.Choice)
        {
            // Aim at a score in proportion to the severity and take the nearest option.
            var max = question.Options.Max(o => o.Score);
            var target = (severity * max) + rng.NextGaussian(0, 0.7);
            value = question.Options.MinBy(o => Math.Abs(o.Score - target))!.Value;
        }
        else if (question.Type == QuestionType.YesNoUnknown && rng.Chance(unknownRate))
        {
            value = QuestionDefinition.Unknown;
        }
        else
        {
            var rate = YesRates.GetValueOrDefault(question.Key, 0.2) * (0.3 + (1.6 * severity));
            value = rng.Chance(rate) ? QuestionDefinition.Yes : QuestionDefinition.No;
        }

        var option = question.FindOption(value)!;
        return new AssessmentAnswer
        {
            QuestionKey = question.Key,
            Value = value,
            Score = option.Score,
            Explanation = value == QuestionDefinition.Yes ? DemoCaseTexts.Explanation(rng, question.Key) : null,
            AnsweredAt = at,
        };
    }
}
