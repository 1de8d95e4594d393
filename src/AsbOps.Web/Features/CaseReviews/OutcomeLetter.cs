using System.Globalization;
using System.Text;
using AsbOps.Domain.CaseReviews;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// The outcome letter's template, filled from the application, its case and the review: staff edit the text before
/// it is sent, and the text as sent is kept and downloadable.
/// </summary>
public static class OutcomeLetter
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string FileName(string reference) => $"{reference}-outcome-letter.txt";

    public static string Fill(CaseReviewApplication a, string areaName, string? caseRef, string? caseAddress,
        IReadOnlyList<RecommendationView> recommendations, string? ownerName, DateOnly today)
    {
        var text = new StringBuilder();
        text.AppendLine(Date(today));
        text.AppendLine();
        text.AppendLine($"Dear {a.ApplicantName},");
        text.AppendLine();
        text.AppendLine($"ASB Case Review {a.Reference}" + (caseRef is null ? "" : $" (case {caseRef})"));
        text.AppendLine();
        var about = a.OnBehalfOf is { } victim ? $"on behalf of {victim} " : "";
        text.AppendLine($"Thank you for your application {about}for an ASB Case Review, received on {Date(DateOnly.FromDateTime(a.ReceivedAt))}"
            + (caseAddress is null ? "." : $", about the anti-social behaviour at {caseAddress}."));
        text.AppendLine();
        if (a.ThresholdMet == false)
        {
            text.AppendLine($"We decided on {Date(a.DecidedOn)} that the threshold for a case review is not met.");
            text.AppendLine($"Reason: {a.DecisionReason}");
        }
        else
        {
            text.AppendLine($"We decided on {Date(a.DecidedOn)} that the threshold for a case review is met. {a.DecisionReason}".TrimEnd());
            text.AppendLine();
            text.AppendLine($"The review meeting was held on {Date(a.ReviewHeldOn)} with: {Agencies(a.AgenciesPresent)}.");
            text.AppendLine();
            text.AppendLine("What the review found:");
            text.AppendLine(a.ReviewSummary ?? "");
            text.AppendLine();
            if (recommendations.Count == 0)
            {
                text.AppendLine("The review made no recommendations.");
            }
            else
            {
                text.AppendLine("The review recommended:");
                foreach (var r in recommendations)
                {
                    text.AppendLine($"- {r.Description} ({r.OwnerName}, by {Date(r.DueDate)})");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("If you are not satisfied with how your application was dealt with, you may ask for the decision to be looked at again (an appeal): reply to this letter within 20 working days.");
        text.AppendLine();
        text.AppendLine("Yours sincerely,");
        text.AppendLine(ownerName ?? "The ASB Case Review coordinator");
        text.AppendLine($"{areaName} neighbourhood policing");
        return text.ToString();
    }

    private static string Agencies(string? lines) =>
        lines is null ? "" : string.Join(", ", lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", British) ?? "(date to follow)";
}
