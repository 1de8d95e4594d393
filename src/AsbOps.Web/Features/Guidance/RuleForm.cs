using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance;

/// <summary>A floor rule as edited: when every condition holds, the level is at least <see cref="Floor"/>.</summary>
public sealed class RuleForm
{
    public string Description { get; set; } = "";

    public RiskLevel Floor { get; set; } = RiskLevel.Medium;

    public List<ConditionForm> AllOf { get; } = [];

    public static RuleForm From(FloorRule rule)
    {
        var form = new RuleForm { Description = rule.Description ?? "", Floor = rule.Floor };
        form.AllOf.AddRange((rule.AllOf ?? []).Where(c => c is not null)
            .Select(c => new ConditionForm { QuestionKey = c.QuestionKey ?? "", Value = c.Value ?? "" }));
        return form;
    }

    public FloorRule ToDefinition() => new(Description, [.. AllOf.Select(c => new AnswerCondition(c.QuestionKey, c.Value))], Floor);
}

/// <summary>"Question answered with value", one condition of a rule.</summary>
public sealed class ConditionForm
{
    public string QuestionKey { get; set; } = "";

    public string Value { get; set; } = "";
}
