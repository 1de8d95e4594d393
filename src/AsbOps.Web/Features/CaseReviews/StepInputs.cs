using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseReviews;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>Staff override of the threshold check: the answer and a written reason.</summary>
public sealed class OverrideInput
{
    public bool? Met { get; set; }
    public string? Reason { get; set; }
}

public sealed class AcknowledgeInput
{
    public DateTime? On { get; set; }
}

/// <summary>The decision: threshold met or not, and the reason the applicant is given.</summary>
public sealed class DecisionInput
{
    public bool? Met { get; set; }
    public string? Reason { get; set; }
    public DateTime? On { get; set; }
}

public sealed class MeetingInput
{
    public DateTime? HeldOn { get; set; }
    public string? AgenciesPresent { get; set; }
    public string? Summary { get; set; }
}

/// <summary>A recommendation of the review, put on the case's action plan as an action.</summary>
public sealed class RecommendationInput
{
    public ActionType? Type { get; set; }
    public string? Description { get; set; }
    public string? OwnerUserId { get; set; }
    public DateTime? DueDate { get; set; }
}

public sealed class LetterInput
{
    public string? Text { get; set; }
    public DateTime? SentOn { get; set; }
}

public sealed class AppealInput
{
    public string? By { get; set; }
    public DateTime? ReceivedOn { get; set; }
    public string? Outcome { get; set; }
    public DateTime? DecidedOn { get; set; }
}

/// <summary>The lead officer's answer to the prompt to tell a repeat victim about the case review.</summary>
public sealed class PromptInput
{
    public CaseReviewPromptOutcome? Outcome { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The rules of each step's form, run by the form and again by the service.</summary>
public static class StepRules
{
    public const int MaxLetter = 20000;

    public static Dictionary<string, string> Override(OverrideInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Met is null)
        {
            errors[nameof(input.Met)] = "Say whether the threshold is to be taken as met or not met.";
        }

        ApplicationRules.Text(errors, nameof(input.Reason), input.Reason, 2000, "Write the reason for overriding the check.");
        return errors;
    }

    public static Dictionary<string, string> Acknowledge(AcknowledgeInput input, DateOnly receivedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Date(errors, nameof(input.On), input.On, receivedOn, today, "Give the date the applicant was sent the acknowledgement.", "receipt");
        return errors;
    }

    public static Dictionary<string, string> Decision(DecisionInput input, DateOnly receivedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Met is null)
        {
            errors[nameof(input.Met)] = "Say whether the threshold is met.";
        }

        ApplicationRules.Text(errors, nameof(input.Reason), input.Reason, CaseReviewApplication.MaxText, "Write the reason the applicant is given.");
        Date(errors, nameof(input.On), input.On, receivedOn, today, "Give the date of the decision.", "receipt");
        return errors;
    }

    public static Dictionary<string, string> Meeting(MeetingInput input, DateOnly decidedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Date(errors, nameof(input.HeldOn), input.HeldOn, decidedOn, today, "Give the date the review meeting was held.", "decision");
        ApplicationRules.Text(errors, nameof(input.AgenciesPresent), input.AgenciesPresent, 2000, "List the agencies present.");
        ApplicationRules.Text(errors, nameof(input.Summary), input.Summary, CaseReviewApplication.MaxText, "Summarise the review.");
        return errors;
    }

    public static Dictionary<string, string> Recommendation(RecommendationInput input, DateOnly today, IReadOnlyCollection<string> owners)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors[nameof(input.Type)] = "Choose the kind of action.";
        }

        ApplicationRules.Text(errors, nameof(input.Description), input.Description, 2000, "Describe the recommendation.");
        if (string.IsNullOrEmpty(input.OwnerUserId))
        {
            errors[nameof(input.OwnerUserId)] = "Choose who owns it.";
        }
        else if (!owners.Contains(input.OwnerUserId))
        {
            errors[nameof(input.OwnerUserId)] = "Choose an owner from the area's staff.";
        }

        if (input.DueDate.Day() is not { } due)
        {
            errors[nameof(input.DueDate)] = "Give the date it is due.";
        }
        else if (due < today)
        {
            errors[nameof(input.DueDate)] = "Cannot be in the past.";
        }

        return errors;
    }

    public static Dictionary<string, string> Letter(LetterInput input, bool sending, DateOnly from, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ApplicationRules.Text(errors, nameof(input.Text), input.Text, MaxLetter, "Write the letter.");
        if (sending)
        {
            Date(errors, nameof(input.SentOn), input.SentOn, from, today, "Give the date the letter was sent.", "review meeting or decision");
        }

        return errors;
    }

    public static Dictionary<string, string> Appeal(AppealInput input, DateOnly from, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ApplicationRules.Text(errors, nameof(input.By), input.By, CaseReviewApplication.MaxName, "Give who appealed.");
        Date(errors, nameof(input.ReceivedOn), input.ReceivedOn, from, today, "Give the date the appeal was received.", "decision");
        var hasOutcome = !string.IsNullOrWhiteSpace(input.Outcome);
        if (hasOutcome != input.DecidedOn.HasValue)
        {
            errors[hasOutcome ? nameof(input.DecidedOn) : nameof(input.Outcome)] = hasOutcome
                ? "Give the date the appeal was decided."
                : "Give the outcome of the appeal (or clear the date while it is pending).";
        }
        else if (hasOutcome)
        {
            ApplicationRules.Text(errors, nameof(input.Outcome), input.Outcome, 2000, "Give the outcome of the appeal.");
            if (input.ReceivedOn.Day() is { } received)
            {
                Date(errors, nameof(input.DecidedOn), input.DecidedOn, received, today, "Give the date the appeal was decided.", "appeal");
            }
        }

        return errors;
    }

    public static Dictionary<string, string> Prompt(PromptInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors[nameof(input.Outcome)] = "Say whether the victim was told or the prompt is dismissed.";
        }
        else if (outcome == CaseReviewPromptOutcome.Dismissed)
        {
            ApplicationRules.Text(errors, nameof(input.Reason), input.Reason, 2000, "Give the reason for dismissing the prompt.");
        }

        return errors;
    }

    /// <summary>The day of a date picker's value.</summary>
    public static DateOnly? Day(this DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static void Date(Dictionary<string, string> errors, string field, DateTime? value, DateOnly notBefore, DateOnly today, string missing, string after)
    {
        if (value.Day() is not { } date)
        {
            errors[field] = missing;
        }
        else if (date > today)
        {
            errors[field] = "Cannot be in the future.";
        }
        else if (date < notBefore)
        {
            errors[field] = $"Cannot be before the {after} ({notBefore:d MMM yyyy}).";
        }
    }
}
