using AsbOps.Domain.ActionPlans;
using AsbOps.Web.Components.Shared;

namespace AsbOps.Web.Features.ActionPlans;

/// <summary>The rules of the plan forms, run by the form as the user submits and again by the service on the server.</summary>
public static class ActionPlanValidation
{
    public const int MaxText = 2000;
    public const int MaxOwnerName = 120;

    public static class Fields
    {
        public const string Objective = nameof(PlanInput.Objective);
        public const string Type = nameof(ActionInput.Type);
        public const string Description = nameof(ActionInput.Description);
        public const string Owner = "Owner";
        public const string DueDate = nameof(ActionInput.DueDate);
        public const string Status = nameof(ActionInput.Status);
    }

    public static Dictionary<string, string> Validate(PlanInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Objective))
        {
            errors[Fields.Objective] = "Say what the plan is to achieve.";
        }
        else if (input.Objective.Trim().Length > MaxText)
        {
            errors[Fields.Objective] = $"At most {MaxText} characters.";
        }

        return errors;
    }

    /// <param name="caseOpenedOn">The day the case opened: no action can be due before it.</param>
    /// <param name="ownerIds">Staff of the case's area who may own an action.</param>
    public static Dictionary<string, string> Validate(ActionInput input, DateOnly caseOpenedOn, IReadOnlyCollection<string> ownerIds)
    {
        var errors = new Dictionary<string, string>();
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors[Fields.Type] = "Choose the type of action.";
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors[Fields.Description] = "Describe the action.";
        }
        else if (input.Description.Trim().Length > MaxText)
        {
            errors[Fields.Description] = $"At most {MaxText} characters.";
        }

        if (!string.IsNullOrEmpty(input.OwnerUserId))
        {
            if (!ownerIds.Contains(input.OwnerUserId))
            {
                errors[Fields.Owner] = "Pick an officer of this case's area, or type the owner's name.";
            }
        }
        else if (string.IsNullOrWhiteSpace(input.OwnerName))
        {
            errors[Fields.Owner] = "Say who owns the action: pick an officer or type a name.";
        }
        else if (input.OwnerName.Trim().Length > MaxOwnerName)
        {
            errors[Fields.Owner] = $"At most {MaxOwnerName} characters.";
        }

        if (input.DueDate is not { } due)
        {
            errors[Fields.DueDate] = "Give a due date.";
        }
        else if (due < caseOpenedOn)
        {
            errors[Fields.DueDate] = $"Cannot be before the case opened ({caseOpenedOn:d MMM yyyy}).";
        }

        if (!Enum.IsDefined(input.Status))
        {
            errors[Fields.Status] = "Choose a status.";
        }

        return errors;
    }

    /// <summary>Readable names for the action types (product.md wording).</summary>
    public static string TypeName(ActionType type) => type switch
    {
        ActionType.AcceptableBehaviourContract => "Acceptable behaviour contract",
        ActionType.CommunityProtectionNotice => "Community protection notice",
        ActionType.CriminalBehaviourOrder => "Criminal behaviour order",
        ActionType.ClosureNoticeOrOrder => "Closure notice or order",
        ActionType.PublicSpacesProtectionOrder => "Public spaces protection order (PSPO)",
        _ => CaseDisplay.Words(type),
    };
}
