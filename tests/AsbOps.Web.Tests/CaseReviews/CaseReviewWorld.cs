using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>An area with its inspector and an officer, and a way to log an application as that officer.</summary>
public sealed class CaseReviewWorld
{
    public required int AreaId { get; init; }
    public required UserScope Officer { get; init; }
    public required UserScope Inspector { get; init; }
    public required string OfficerEmail { get; init; }
    public required string InspectorEmail { get; init; }

    public static async Task<CaseReviewWorld> CreateAsync(AsbOpsAppFactory app, string code)
    {
        var area = await app.AddAreaAsync(code);
        var officerEmail = $"officer.{code.ToLowerInvariant()}@test.local";
        var inspectorEmail = $"inspector.{code.ToLowerInvariant()}@test.local";
        var officer = await app.AddUserAsync(officerEmail, Roles.Officer, area.Id, displayName: "PC Owner");
        var inspector = await app.AddUserAsync(inspectorEmail, Roles.Inspector, area.Id, displayName: "Insp Area");
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Areas.FindAsync(area.Id);
            stored!.InspectorUserId = inspector.Id;
            await db.SaveChangesAsync();
        }

        return new CaseReviewWorld
        {
            AreaId = area.Id,
            Officer = new UserScope(officer.Id, "PC Owner", Roles.Officer, area.Id, null),
            Inspector = new UserScope(inspector.Id, "Insp Area", Roles.Inspector, area.Id, null),
            OfficerEmail = officerEmail,
            InspectorEmail = inspectorEmail,
        };
    }

    public ApplicationInput Input(DateTime receivedAt, string? caseRef = null, string? reports = null) => new()
    {
        AreaId = AreaId,
        CaseRef = caseRef,
        ApplicantKind = CaseReviewApplicant.Victim,
        ApplicantName = "Mrs A Victim",
        ReceivedVia = CaseReviewChannel.Phone,
        ReceivedAt = receivedAt,
        ContactPhone = "07700 900123",
        Category = AsbCategory.Personal,
        Postcode = "LE11 1AA",
        Account = "Shouting and door kicking most nights.",
        Reports = reports,
    };
}
