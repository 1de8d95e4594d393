using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text.Json;
using AsbOps.Web.Api;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.ApiKeys;
using AsbOps.Web.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>
/// <c>POST /api/v1/incidents</c> and <c>POST /api/v1/incidents:batch</c> from the control room. Every incident
/// accepted or refused is counted (<c>asbops_incidents_received_total</c>, <c>asbops_incidents_refused_total</c>).
/// </summary>
public static class IncidentEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxBatchItems = 500;

    /// <summary>A batch may carry up to 500 incidents of up to 64 KiB each, capped at 8 MiB altogether.</summary>
    public const int MaxBatchBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapIncidentApi(this RouteGroupBuilder api)
    {
        api.MapPost("/incidents", PostAsync)
            .RequireAuthorization(ApiPolicies.IncidentsWrite)
            .Accepts<IncidentRequest>("application/json")
            .Produces<IncidentResponse>(StatusCodes.Status201Created)
            .Produces<IncidentResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("PostIncident")
            .WithSummary("Receive one incident from the control room (idempotent by stormRef).");

        api.MapPost("/incidents:batch", PostBatchAsync)
            .RequireAuthorization(ApiPolicies.IncidentsWrite)
            .Accepts<IncidentBatchRequest>("application/json")
            .Produces<IncidentBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("PostIncidentBatch")
            .WithSummary("Receive up to 500 incidents; a bad item never blocks the good ones.");

        api.MapGet("/incidents/{id:long}", GetAsync)
            .RequireAuthorization(ApiPolicies.IncidentsWrite)
            .Produces<IncidentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIncident")
            .WithSummary("The stored incident's identity and the case it was linked to, if any.");
        return api;
    }

    private const string Single = "single";
    private const string Batch = "batch";

    private static async Task<IResult> PostAsync(
        HttpRequest request, ClaimsPrincipal user, IncidentRequestReader reader, AreaDirectory areas, IncidentIntakeService intake,
        AsbOpsMetrics metrics, CancellationToken cancellationToken)
    {
        var (outcome, document, error) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (BodyProblem(outcome, error, MaxBodyBytes) is { } problem)
        {
            metrics.IncidentRefused(Single, RefusalReason(outcome));
            return problem;
        }

        using (document)
        {
            var (submission, errors) = reader.Read(document!.RootElement, await areas.CodesAsync(cancellationToken));
            if (submission is null)
            {
                metrics.IncidentRefused(Single, "invalid");
                return TypedResults.ValidationProblem(errors, title: "The incident is not valid; nothing was stored.");
            }

            var scope = UserScope.FromPrincipal(user);
            if (await NotYourAreaAsync(scope, submission.AreaCode, areas, cancellationToken) is { } notYours)
            {
                metrics.IncidentRefused(Single, "not_your_area");
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your area; nothing was stored.",
                    detail: notYours, extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["areaCode"] = [notYours] } });
            }

            var result = await intake.SubmitAsync(submission, cancellationToken);
            var body = new IncidentResponse(result.Id, result.StormRef, result.CaseRef);
            if (result.Outcome == IntakeOutcome.Conflict)
            {
                metrics.IncidentRefused(Single, "conflict");
            }
            else
            {
                metrics.IncidentReceived(Single, result.Outcome == IntakeOutcome.Created ? "created" : "duplicate");
            }

            return result.Outcome switch
            {
                IntakeOutcome.Created => TypedResults.Created($"/api/v1/incidents/{result.Id}", body),
                IntakeOutcome.Duplicate => TypedResults.Ok(body),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "stormRef already used",
                    detail: $"An incident with stormRef {result.StormRef} was already received with different content."),
            };
        }
    }

    private static async Task<IResult> PostBatchAsync(
        HttpRequest request, ClaimsPrincipal user, IncidentRequestReader reader, AreaDirectory areas, IncidentIntakeService intake,
        AsbOpsMetrics metrics, CancellationToken cancellationToken)
    {
        var (outcome, document, error) = await JsonBody.ReadAsync(request, MaxBatchBytes, cancellationToken);
        if (BodyProblem(outcome, error, MaxBatchBytes) is { } problem)
        {
            metrics.IncidentRefused(Batch, RefusalReason(outcome));
            return problem;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("incidents", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                metrics.IncidentRefused(Batch, "malformed");
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["incidents"] = ["Required: an array of incidents."] });
            }

            if (BatchEnvelopeErrors(root) is { Count: > 0 } envelopeErrors)
            {
                metrics.IncidentRefused(Batch, "malformed");
                return TypedResults.ValidationProblem(envelopeErrors);
            }

            var count = items.GetArrayLength();
            if (count is 0 or > MaxBatchItems)
            {
                metrics.IncidentRefused(Batch, "malformed");
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["incidents"] = [$"Send 1 to {MaxBatchItems} incidents ({count} given)."] });
            }

            var codes = await areas.CodesAsync(cancellationToken);
            var scope = UserScope.FromPrincipal(user);
            var results = new IncidentBatchItemResult?[count];
            var valid = new List<(int Index, IncidentSubmission Submission)>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var (submission, errors) = TooLarge(item)
                    ? (null, new Dictionary<string, string[]> { ["body"] = [$"An incident is at most {MaxBodyBytes} bytes."] })
                    : reader.Read(item, codes);
                if (submission is not null && await NotYourAreaAsync(scope, submission.AreaCode, areas, cancellationToken) is { } notYours)
                {
                    (submission, errors) = (null, new Dictionary<string, string[]> { ["areaCode"] = [notYours] });
                }
                if (submission is null)
                {
                    var stormRef = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("stormRef", out var r) && r.ValueKind == JsonValueKind.String
                        && JsonText.TryRead(r, out var text)
                        ? text
                        : null;
                    results[index] = new IncidentBatchItemResult(index, stormRef, "invalid", null, null, errors);
                }
                else
                {
                    valid.Add((index, submission));
                }

                index++;
            }

            var stored = valid.Count == 0 ? [] : await intake.SubmitBatchAsync(valid.Select(v => v.Submission).ToList(), cancellationToken);
            for (var i = 0; i < valid.Count; i++)
            {
                var r = stored[i];
                results[valid[i].Index] = new IncidentBatchItemResult(valid[i].Index, r.StormRef, r.Outcome.ToString().ToLowerInvariant(),
                    r.Outcome == IntakeOutcome.Conflict ? null : r.Id, r.CaseRef, null);
            }

            var all = results.Select(r => r!).ToList();
            CountBatch(metrics, all);
            return TypedResults.Ok(new IncidentBatchResponse(
                all.Count(r => r.Status == "created"), all.Count(r => r.Status == "duplicate"),
                all.Count(r => r.Status == "conflict"), all.Count(r => r.Status == "invalid"), all));
        }
    }

    private static void CountBatch(AsbOpsMetrics metrics, List<IncidentBatchItemResult> all)
    {
        // Per item: created and duplicate were received; invalid (incl. another area's) and conflict were refused.
        foreach (var status in all.GroupBy(r => r.Status))
        {
            if (status.Key is "created" or "duplicate")
            {
                metrics.IncidentReceived(Batch, status.Key, status.Count());
            }
            else
            {
                metrics.IncidentRefused(Batch, status.Key, status.Count());
            }
        }
    }

    private static string RefusalReason(JsonBody.Outcome outcome) => outcome switch
    {
        JsonBody.Outcome.TooLarge => "too_large",
        JsonBody.Outcome.NotJson => "not_json",
        _ => "malformed",
    };

    private static async Task<Results<Ok<IncidentResponse>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, AsbOpsDbContext db, CancellationToken cancellationToken)
    {
        // Another area's incident is "not found" to area staff, as if it did not exist.
        var restricted = UserScope.FromPrincipal(user).RestrictedAreaId;
        var found = await (from incident in db.Incidents.AsNoTracking()
                           where incident.Id == id && (restricted == null || incident.AreaId == restricted)
                           join @case in db.Cases on incident.CaseId equals @case.Id into cases
                           from @case in cases.DefaultIfEmpty()
                           select new IncidentResponse(incident.Id, incident.StormRef, @case == null ? null : @case.Reference))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such incident")
            : TypedResults.Ok(found);
    }

    /// <summary>Why the caller may not send an incident for the area (the one scope rule), or null when they may.</summary>
    private static async Task<string?> NotYourAreaAsync(UserScope scope, string areaCode, AreaDirectory areas, CancellationToken cancellationToken)
    {
        if (scope.IsForceWide || await areas.FindAsync(areaCode, cancellationToken) is not { } area || scope.MayActInArea(area.Id))
        {
            return null;
        }

        var own = scope.AreaId is { } ownId ? (await areas.AllAsync(cancellationToken)).FirstOrDefault(a => a.Id == ownId)?.Code : null;
        return own is null
            ? $"Your account has no area, so you may not send incidents for {areaCode}; ask an administrator to set your area."
            : $"You may send incidents only for your own area, {own}; {areaCode} is not yours.";
    }

    /// <summary>The batch's own object: only <c>incidents</c>, given once, with names that are valid text.</summary>
    private static Dictionary<string, string[]> BatchEnvelopeErrors(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var incidentsSeen = false;
        foreach (var property in root.EnumerateObject())
        {
            if (!JsonText.TryReadName(property, out var name))
            {
                errors["body"] = ["A field name is not valid text: " + JsonText.InvalidMessage];
            }
            else if (name != "incidents")
            {
                errors[name] = ["Unknown field."];
            }
            else if (incidentsSeen)
            {
                errors[name] = ["Given more than once; send each field once."];
            }

            incidentsSeen |= name == "incidents";
        }

        return errors;
    }

    /// <summary>Over the per-incident cap: the item's raw UTF-8 JSON, measured in bytes like a single post's body, without copying it.</summary>
    private static bool TooLarge(JsonElement item) => JsonMarshal.GetRawUtf8Value(item).Length > MaxBodyBytes;

    private static IResult? BodyProblem(JsonBody.Outcome outcome, string? error, int limit) => outcome switch
    {
        JsonBody.Outcome.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large", detail: $"The body may be at most {limit / 1024} KiB."),
        JsonBody.Outcome.NotJson => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Send JSON", detail: "Use Content-Type: application/json."),
        JsonBody.Outcome.Malformed => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [error!] },
            title: "The body is not valid JSON; nothing was stored."),
        _ => null,
    };
}
