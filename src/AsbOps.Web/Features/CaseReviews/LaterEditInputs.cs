using AsbOps.Domain.Cases;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>When the behaviour described by one report relied on happened (the one-month rule counts from it).</summary>
public sealed class BehaviourDateInput
{
    public long? IncidentId { get; set; }
    public DateTime? On { get; set; }
}

/// <summary>The case an application is about, linked (or changed) after it was logged.</summary>
public sealed class CaseLinkInput
{
    public string? CaseRef { get; set; }
}

/// <summary>The rules of the edits made to an application after it is logged, run by the form and again by the service.</summary>
public static class LaterEditRules
{
    /// <param name="reported">When each report relied on was made (by incident id), to check the behaviour came first.</param>
    public static Dictionary<string, string> BehaviourDate(BehaviourDateInput input, IReadOnlyDictionary<long, DateOnly> reported, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.IncidentId is not { } id)
        {
            errors[nameof(input.IncidentId)] = "Choose the report.";
        }
        else if (!reported.ContainsKey(id))
        {
            errors[nameof(input.IncidentId)] = "Choose one of the reports the applicant relies on.";
        }

        if (input.On.Day() is not { } on)
        {
            errors[nameof(input.On)] = "Give the date the behaviour happened.";
        }
        else if (on > today)
        {
            errors[nameof(input.On)] = "Cannot be in the future.";
        }
        else if (input.IncidentId is { } reportId && reported.TryGetValue(reportId, out var reportedOn) && on > reportedOn)
        {
            errors[nameof(input.On)] = $"Cannot be after the report was made ({reportedOn:d MMM yyyy}).";
        }

        return errors;
    }

    public static Dictionary<string, string> CaseLink(CaseLinkInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.CaseRef))
        {
            errors[nameof(input.CaseRef)] = "Give the case reference (e.g. ASB-2026-000123).";
        }
        else if (!CaseReference.TryParse(input.CaseRef.Trim(), out _))
        {
            errors[nameof(input.CaseRef)] = "Not a case reference (e.g. ASB-2026-000123).";
        }

        return errors;
    }
}
