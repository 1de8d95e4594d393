using AsbOps.Domain.Referrals;
using AsbOps.Web.Components.Shared;

namespace AsbOps.Web.Features.Referrals;

/// <summary>The rules of the referral forms, run by the form and again by the service on the server.</summary>
public static class ReferralValidation
{
    public const int MaxText = 2000;

    public static class Fields
    {
        public const string Agency = nameof(ReferralInput.Agency);
        public const string Reason = nameof(ReferralInput.Reason);
        public const string SentOn = nameof(ReferralInput.SentOn);
        public const string Person = nameof(ReferralInput.CaseParticipantId);
        public const string Status = nameof(ReferralOutcomeInput.Status);
        public const string OutcomeNote = nameof(ReferralOutcomeInput.OutcomeNote);
    }

    public static Dictionary<string, string> Validate(ReferralInput input, DateOnly caseOpenedOn, DateOnly today, IReadOnlyCollection<long> participantIds)
    {
        var errors = new Dictionary<string, string>();
        if (input.Agency is not { } agency || !Enum.IsDefined(agency))
        {
            errors[Fields.Agency] = "Choose the agency the referral went to.";
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors[Fields.Reason] = "Give the reason for the referral.";
        }
        else if (input.Reason.Trim().Length > MaxText)
        {
            errors[Fields.Reason] = $"At most {MaxText} characters.";
        }

        if (input.SentOn is not { } sent)
        {
            errors[Fields.SentOn] = "Give the date it was sent.";
        }
        else if (sent < caseOpenedOn)
        {
            errors[Fields.SentOn] = $"Cannot be before the case opened ({caseOpenedOn:d MMM yyyy}).";
        }
        else if (sent > today)
        {
            errors[Fields.SentOn] = "Cannot be in the future.";
        }

        if (input.CaseParticipantId is { } participant && !participantIds.Contains(participant))
        {
            errors[Fields.Person] = "Pick a person on this case, or nobody.";
        }

        return errors;
    }

    public static Dictionary<string, string> Validate(ReferralOutcomeInput input, ReferralStatus current)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Status))
        {
            errors[Fields.Status] = "Choose a status.";
        }
        else if (!Referral.IsAllowedStep(current, input.Status))
        {
            errors[Fields.Status] = current == ReferralStatus.Closed
                ? "The referral is closed; its outcome can no longer change."
                : $"A referral that is {CaseDisplay.Words(current).ToLowerInvariant()} cannot become {CaseDisplay.Words(input.Status).ToLowerInvariant()}.";
        }

        if (input.OutcomeNote is { } note && note.Trim().Length > MaxText)
        {
            errors[Fields.OutcomeNote] = $"At most {MaxText} characters.";
        }
        else if (input.Status is ReferralStatus.Declined or ReferralStatus.Closed && string.IsNullOrWhiteSpace(input.OutcomeNote))
        {
            errors[Fields.OutcomeNote] = "Say what the outcome was.";
        }

        return errors;
    }
}
