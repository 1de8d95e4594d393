using AsbOps.Web.Security.ApiKeys;
using Microsoft.AspNetCore.Mvc;

namespace AsbOps.Web.Features.Markers;

/// <summary><c>GET /api/v1/markers</c>: active history markers for the control room.</summary>
public static class MarkerEndpoints
{
    public static RouteGroupBuilder MapMarkerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/markers", async (
                [FromQuery] string? postcode, [FromQuery] string? address, [FromQuery] string? personName, [FromQuery] string? caseRef,
                HttpRequest request, MarkerLookupService markers, IConfiguration configuration, CancellationToken cancellationToken) =>
            {
                var query = new MarkerQuery(postcode, address, personName, caseRef);
                var errors = MarkerLookupService.Validate(query);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: "The marker query is not valid.");
                }

                var baseUrl = configuration["Email:BaseUrl"] is { Length: > 0 } configured
                    ? configured
                    : $"{request.Scheme}://{request.Host}";
                return Results.Ok(await markers.FindActiveAsync(query, baseUrl, cancellationToken));
            })
            .RequireAuthorization(ApiPolicies.MarkersRead)
            .Produces<IReadOnlyList<MarkerView>>()
            .ProducesValidationProblem()
            .WithName("GetMarkers")
            .WithSummary("Active history markers by postcode, address, person name or case reference.");
        return api;
    }
}
