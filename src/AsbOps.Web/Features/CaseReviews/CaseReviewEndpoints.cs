using System.Globalization;
using System.Security.Claims;
using System.Text;
using AsbOps.Web.Api;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.ApiKeys;
using AsbOps.Web.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

public sealed record CaseReviewCreated(long Id, string Reference, string ApplicantReference, string? CaseRef);

/// <summary>
/// The API (<c>POST /api/v1/case-reviews</c>, <c>GET /api/v1/case-reviews/statistics</c>) with the incidents' key, error
/// and idempotency rules, and the page's downloads (the figures' workbook, an outcome letter).
/// </summary>
public static class CaseReviewEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;
    public const string WorkbookPath = "/case-reviews/figures.xlsx";

    public static string WorkbookUrl(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{WorkbookPath}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    public static string LetterUrl(string reference) => $"/case-reviews/{reference}/letter";

    public static RouteGroupBuilder MapCaseReviewApi(this RouteGroupBuilder api)
    {
        api.MapPost("/case-reviews", PostAsync)
            .RequireAuthorization(ApiPolicies.CaseReviewsWrite)
            .Accepts<Dictionary<string, object>>("application/json")
            .Produces<CaseReviewCreated>(StatusCodes.Status201Created)
            .Produces<CaseReviewCreated>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("PostCaseReview")
            .WithSummary("Log an application for an ASB Case Review (idempotent by applicantReference).");
        api.MapGet("/case-reviews/statistics", StatisticsAsync)
            .RequireAuthorization(ApiPolicies.OpsRead)
            .Produces<CaseReviewStatistics>()
            .ProducesValidationProblem()
            .WithName("GetCaseReviewStatistics")
            .WithSummary("The published figures for a period: applications, threshold not met, reviews carried out, reviews with recommendations.");
        return api;
    }

    public static void MapCaseReviewDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WorkbookPath, async (string? from, string? to, ClaimsPrincipal principal, CaseReviewFigures figures, CancellationToken cancellationToken) =>
            {
                var errors = Period(from, to, out var fromDate, out var toDate);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors);
                }

                var user = UserScope.FromPrincipal(principal);
                var counted = await figures.CountAsync(user, fromDate, toDate, cancellationToken);
                var file = new MemoryStream();
                CaseReviewFiguresWorkbook.Write(counted, fromDate, toDate, user.RestrictedAreaId is null ? "All areas" : "Your area", file);
                file.Position = 0;
                return Results.File(file, Xlsx.ContentType, CaseReviewFiguresWorkbook.FileName(fromDate, toDate));
            })
            .RequireAuthorization(policy => policy.RequireRole(CaseReviewAccess.Readers.Split(',')));
        endpoints.MapGet("/case-reviews/{reference}/letter", async (string reference, ClaimsPrincipal principal, CaseReviewQueries queries,
                CancellationToken cancellationToken) =>
            {
                var detail = await queries.GetAsync(UserScope.FromPrincipal(principal), reference, cancellationToken);
                return detail is null
                    ? Results.NotFound()
                    : Results.File(Encoding.UTF8.GetBytes(detail.LetterDraft), "text/plain; charset=utf-8", OutcomeLetter.FileName(detail.Reference));
            })
            .RequireAuthorization(policy => policy.RequireRole(CaseReviewAccess.Readers.Split(',')));
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, ClaimsPrincipal principal, AreaDirectory areas, ApplicationLogger logger, CancellationToken cancellationToken)
    {
        var (outcome, document, error) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        switch (outcome)
        {
            case JsonBody.Outcome.TooLarge:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"The body may be at most {MaxBodyBytes / 1024} KiB.");
            case JsonBody.Outcome.NotJson:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON", detail: "Use Content-Type: application/json.");
            case JsonBody.Outcome.Malformed:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [error!] }, title: "The body is not valid JSON; nothing was stored.");
        }

        using (document)
        {
            var (input, areaCode, errors) = ApplicationRequestReader.Read(document!.RootElement);
            if (areaCode is not null)
            {
                var area = await areas.FindAsync(areaCode, cancellationToken);
                if (area is null)
                {
                    errors.TryAdd("areaCode", ["Unknown area code (GET /api/v1/areas)."]);
                }

                input.AreaId = area?.Id;
            }

            var user = UserScope.FromPrincipal(principal);
            var result = errors.Count > 0 ? null : await logger.LogAsync(user, input, cancellationToken);
            if (result is { Outcome: LogOutcome.Invalid })
            {
                foreach (var (field, messages) in ApplicationRequestReader.ToBodyFields(result.Errors))
                {
                    errors.TryAdd(field, messages);
                }
            }
            else if (errors.Count > 0)
            {
                // Report every bad field at once: the application's own rules and references as well as the body's shape.
                var check = await logger.LogAsync(user, input, cancellationToken, checkOnly: true);
                foreach (var (field, messages) in ApplicationRequestReader.ToBodyFields(check.Errors))
                {
                    errors.TryAdd(field, messages);
                }
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "The application is not valid; nothing was stored.");
            }

            var body = new CaseReviewCreated(result!.Id, result.Reference ?? "", input.ApplicantReference!.Trim(), result.CaseRef);
            return result.Outcome switch
            {
                LogOutcome.Created => TypedResults.Created($"/case-reviews/{result.Reference}", body),
                LogOutcome.Duplicate => TypedResults.Ok(body),
                LogOutcome.NotYourArea => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your area; nothing was stored.",
                    extensions: new Dictionary<string, object?> { ["errors"] = ApplicationRequestReader.ToBodyFields(result.Errors) }),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "applicantReference already used",
                    detail: $"An application under {input.ApplicantReference} was already received with different content ({result.Reference})."),
            };
        }
    }

    private static async Task<IResult> StatisticsAsync(string? from, string? to, ClaimsPrincipal principal, CaseReviewFigures figures,
        CancellationToken cancellationToken)
    {
        var errors = Period(from, to, out var fromDate, out var toDate);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Give the period as from=YYYY-MM-DD&to=YYYY-MM-DD.");
        }

        return TypedResults.Ok(await figures.CountAsync(UserScope.FromPrincipal(principal), fromDate, toDate, cancellationToken));
    }

    /// <summary>Both dates required as YYYY-MM-DD, from not after to, at most ten years apart.</summary>
    public static Dictionary<string, string[]> Period(string? from, string? to, out DateOnly fromDate, out DateOnly toDate)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out fromDate))
        {
            errors["from"] = [from is null ? "Required: the first day, as YYYY-MM-DD." : "Not a date: give YYYY-MM-DD."];
        }

        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out toDate))
        {
            errors["to"] = [to is null ? "Required: the last day, as YYYY-MM-DD." : "Not a date: give YYYY-MM-DD."];
        }

        if (errors.Count == 0 && fromDate > toDate)
        {
            errors["to"] = ["Cannot be before from."];
        }
        else if (errors.Count == 0 && toDate > fromDate.AddYears(10))
        {
            errors["to"] = ["At most ten years after from."];
        }

        return errors;
    }
}
