using AsbOps.Web.Security;
using AsbOps.Web.Spreadsheets;
using Microsoft.AspNetCore.Http.Features;

namespace AsbOps.Web.Features.Cases.Export;

/// <summary>The bulk case export: the case list's filter as a streamed workbook (staff).</summary>
public static class CaseExportEndpoint
{
    public static void MapCaseExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CaseExportLinks.Path, async (HttpContext http, CaseExport export, CancellationToken cancellationToken) =>
            {
                var user = UserScope.FromPrincipal(http.User);
                var query = CaseExportLinks.Parse(http.Request.Query);
                var (matching, error) = await export.CountAsync(user, query, cancellationToken);
                if (matching is null)
                {
                    return Results.BadRequest(error);
                }

                http.Response.ContentType = Xlsx.ContentType;
                http.Response.Headers.ContentDisposition = "attachment; filename=\"cases.xlsx\"";
                http.Response.Headers["X-Export-Matching"] = matching.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

                // The zip writer under SpreadCheetah writes each entry's few-byte data descriptor synchronously
                // when the entry closes; the rows themselves are written asynchronously.
                if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
                {
                    body.AllowSynchronousIO = true;
                }

                await export.WriteAsync(user, query, http.Response.Body, cancellationToken);
                return Results.Empty;
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Staff.Split(',')));
    }
}
