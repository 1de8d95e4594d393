using AsbOps.Web.Security;
using Microsoft.Net.Http.Headers;

namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>
/// <c>GET /cases/{caseRef}/files/{id}</c>: a case file, always as an attachment (never shown inline, so a file can
/// never run as a page of the app), not sniffed, not cached. Anyone who may read the case and the file; 404 otherwise.
/// </summary>
public static class CaseFileEndpoints
{
    public static void MapCaseFileDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cases/{caseRef}/files/{fileId:long}", async (HttpContext http, string caseRef, long fileId, ICaseFileService files,
                CancellationToken cancellationToken) =>
            {
                var download = await files.OpenForDownloadAsync(UserScope.FromPrincipal(http.User), caseRef, fileId, cancellationToken);
                if (download is null)
                {
                    return Results.NotFound();
                }

                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
                return Results.File(download.Path, download.ContentType, download.FileName);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.CaseReaders.Split(',')));
    }
}
