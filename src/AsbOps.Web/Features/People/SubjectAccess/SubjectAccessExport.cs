using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using AsbOps.Web.Spreadsheets;

namespace AsbOps.Web.Features.People.SubjectAccess;

/// <summary>
/// <c>GET /people/{id}/subject-access</c>: the subject access workbook of one person (compliance officer or
/// administrator). Each export is audited under the requester's name before the file is sent.
/// </summary>
public sealed class SubjectAccessExport(SubjectAccessQueries queries, AuditTrail audit)
{
    public const string AuditEntityType = "SubjectAccessExport";

    public static string PathFor(long personId) => $"/people/{personId}/subject-access";

    public static string FileName(long personId, DateTime at) => $"subject-access-{personId}-{at:yyyy-MM-dd}.xlsx";

    /// <summary>The workbook, or null when the person is on no case the user may see (or the user may not export).</summary>
    public async Task<(byte[] Content, string FileName)?> ProduceAsync(UserScope user, long personId, CancellationToken cancellationToken = default)
    {
        var data = await queries.LoadAsync(user, personId, cancellationToken);
        if (data is null)
        {
            return null;
        }

        using var file = new MemoryStream();
        SubjectAccessWorkbook.Write(data, file);
        await audit.RecordViewAsync(user, AuditEntityType, data.PersonId, null, cancellationToken);
        return (file.ToArray(), FileName(data.PersonId, data.ProducedAt));
    }

    public static void MapSubjectAccess(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/people/{id:long}/subject-access", async (long id, HttpContext http, SubjectAccessExport export, CancellationToken cancellationToken) =>
            {
                var produced = await export.ProduceAsync(UserScope.FromPrincipal(http.User), id, cancellationToken);
                return produced is { } file
                    ? Results.File(file.Content, Xlsx.ContentType, file.FileName)
                    : Results.NotFound("No such person on any case you can see.");
            })
            .RequireAuthorization(policy => policy.RequireRole(SubjectAccessQueries.Roles.Split(',')));
}
