using System.Security.Claims;
using AsbOps.Web.Security;
using AsbOps.Web.Security.ApiKeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Markers;

/// <summary><c>GET /api/v1/markers</c>: active history markers for the control room.</summary>
public static class MarkerEndpoints
{
    public static RouteGroupBuilder MapMarkerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/markers", async (
                [FromQuery] string? postcode, [FromQuery] string? address, [FromQuery] string? personName, [FromQuery] string? caseRef,
                ClaimsPrincipal user, MarkerLookupService markers, IOptions<AppOptions> app, CancellationToken cancellationToken) =>
            {
                var query = new MarkerQuery(postcode, address, personName, caseRef);
                var errors = MarkerLookupService.Validate(query);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: "The marker query is not valid.");
                }

                // Links start with the configured address, never the request's Host header, which the caller chooses.
                return Results.Ok(await markers.FindActiveAsync(query, UserScope.FromPrincipal(user), app.Value.BaseUrl, cancellationToken));
            })
            .RequireAuthorization(ApiPolicies.MarkersRead)
            .Produces<IReadOnlyList<MarkerView>>()
            .ProducesValidationProblem()
            .WithName("GetMarkers")
            .WithSummary("Active history markers by postcode, address, person name or case reference.");
        return api;
    }
}
