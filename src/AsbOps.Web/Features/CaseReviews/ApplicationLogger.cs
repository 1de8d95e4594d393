using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

public enum LogOutcome
{
    Created,
    Duplicate,
    Conflict,
    Invalid,
    NotYourArea,
}

/// <summary>The answer to logging an application: created (or the earlier one, for a repeat), or why not.</summary>
public sealed record LogResult(LogOutcome Outcome, IReadOnlyDictionary<string, string> Errors, long Id = 0, string? Reference = null, string? CaseRef = null);

/// <summary>
/// Logs an application, from the form or the API, with the same rules: every field checked (the case and each report
/// relied on must exist in the area), nothing stored while anything is wrong, and a repeat of an applicant's reference
/// answered with the first result (a different body under it is a conflict). References are <c>CR-YYYY-NNNN</c>.
/// </summary>
public sealed class ApplicationLogger(
    IDbContextFactory<AsbOpsDbContext> dbFactory, CaseReviewOptions options, OpsNotifier notifier, TimeProvider clock)
{
    /// <summary>Logs the application; with <paramref name="checkOnly"/> only checks it (every field, the database's too) and stores nothing.</summary>
    public async Task<LogResult> LogAsync(UserScope user, ApplicationInput input, CancellationToken cancellationToken = default, bool checkOnly = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = ApplicationRules.Validate(input, now);
        if (input.AreaId is { } areaId && !user.MayActInArea(areaId))
        {
            return new LogResult(LogOutcome.NotYourArea, new Dictionary<string, string> { [nameof(input.AreaId)] = "You may log applications only for your own area." });
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.IsMachineClient ? null : user.UserId, user.UserName is { Length: > 0 } name ? name : "system");
        db.Clock = clock;
        var hash = Hash(input);
        var applicantRef = input.ApplicantReference?.Trim();
        var area = input.AreaId is { } id ? await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (input.AreaId is not null && (area is null || area.IsRetired))
        {
            errors[nameof(input.AreaId)] = "No such area, or it is retired.";
        }

        var caseRow = await FindCaseAsync(db, input, area?.Id, errors, cancellationToken);
        var reports = await FindReportsAsync(db, input, area?.Id, errors, cancellationToken);
        if (errors.Count > 0 || checkOnly)
        {
            return new LogResult(LogOutcome.Invalid, errors);
        }

        if (applicantRef is { Length: > 0 } && await ExistingAsync(db, applicantRef, hash, cancellationToken) is { } existing)
        {
            return existing;
        }

        var application = new CaseReviewApplication
        {
            Reference = "",
            ApplicantReference = applicantRef is { Length: > 0 } ? applicantRef : null,
            RequestHash = hash,
            AreaId = area!.Id,
            CaseId = caseRow?.Id,
            ApplicantKind = input.ApplicantKind!.Value,
            ApplicantName = input.ApplicantName!.Trim(),
            OnBehalfOf = input.ApplicantKind == CaseReviewApplicant.ThirdParty ? input.OnBehalfOf!.Trim() : null,
            ReceivedVia = input.ReceivedVia!.Value,
            ReceivedAt = input.ReceivedAt!.Value,
            ContactPhone = Blank(input.ContactPhone),
            ContactEmail = Blank(input.ContactEmail),
            ContactAddress = Blank(input.ContactAddress),
            Category = input.Category!.Value,
            Postcode = Domain.Places.Postcode.Normalise(input.Postcode!)!,
            Account = input.Account!.Trim(),
            OwnerUserId = caseRow?.LeadOfficerId ?? (user.IsMachineClient ? area.SergeantUserId : user.UserId),
            CreatedAt = now,
            CreatedByUserId = user.IsMachineClient ? null : user.UserId,
            ReliedOn = reports.Select(r => new CaseReviewReliedReport { IncidentId = r }).ToList(),
        };
        application.RefreshClock(options.Clock);
        db.CaseReviewApplications.Add(application);
        for (var attempt = 0; ; attempt++)
        {
            application.Reference = await NextReferenceAsync(db, application.ReceivedAt.Year, attempt, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < 5)
            {
                if (application.ApplicantReference is { } used
                    && await ExistingAsync(db, used, hash, cancellationToken) is { } raced)
                {
                    return raced;
                }
            }
        }

        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, area.Code, null, now));
        return new LogResult(LogOutcome.Created, CommandResult.NoErrors, application.Id, application.Reference, caseRow?.Reference);
    }

    private static async Task<LogResult?> ExistingAsync(AsbOpsDbContext db, string applicantRef, string hash, CancellationToken cancellationToken)
    {
        var found = await db.CaseReviewApplications.AsNoTracking().Where(a => a.ApplicantReference == applicantRef)
            .Select(a => new { a.Id, a.Reference, a.RequestHash, CaseRef = db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Reference).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : found.RequestHash == hash
                ? new LogResult(LogOutcome.Duplicate, CommandResult.NoErrors, found.Id, found.Reference, found.CaseRef)
                : new LogResult(LogOutcome.Conflict, CommandResult.NoErrors, found.Id, found.Reference);
    }

    private static async Task<AsbCase?> FindCaseAsync(AsbOpsDbContext db, ApplicationInput input, int? areaId, Dictionary<string, string> errors,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.CaseRef) || errors.ContainsKey(nameof(input.CaseRef)) || areaId is null)
        {
            return null;
        }

        CaseReference.TryParse(input.CaseRef.Trim(), out var parsed);
        var reference = parsed.ToString();
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        if (found is null || found.AreaId != areaId)
        {
            errors[nameof(input.CaseRef)] = $"No case {reference} in this area.";
        }

        return found;
    }

    private static async Task<List<long>> FindReportsAsync(AsbOpsDbContext db, ApplicationInput input, int? areaId, Dictionary<string, string> errors,
        CancellationToken cancellationToken)
    {
        var refs = input.ReportRefs();
        if (refs.Count == 0 || errors.ContainsKey(nameof(input.Reports)) || areaId is null)
        {
            return [];
        }

        var keys = refs.Select(Incident.KeyOf).ToList();
        var found = await db.Incidents.AsNoTracking().Where(i => keys.Contains(i.StormRefKey) && i.AreaId == areaId)
            .Select(i => new { i.Id, i.StormRefKey })
            .ToListAsync(cancellationToken);
        var missing = refs.Where(r => found.All(f => f.StormRefKey != Incident.KeyOf(r))).ToList();
        if (missing.Count > 0)
        {
            errors[nameof(input.Reports)] = $"No incident in this area with reference {string.Join(", ", missing)}.";
        }

        return found.Select(f => f.Id).ToList();
    }

    private static async Task<string> NextReferenceAsync(AsbOpsDbContext db, int year, int attempt, CancellationToken cancellationToken)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"CR-{year:D4}-");
        var highest = await db.CaseReviewApplications.AsNoTracking().Where(a => a.Reference.StartsWith(prefix))
            .OrderByDescending(a => a.Reference).Select(a => a.Reference).FirstOrDefaultAsync(cancellationToken);
        var next = (highest is null ? 0 : int.Parse(highest[prefix.Length..], CultureInfo.InvariantCulture)) + 1 + attempt;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{next:D4}");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The application as given, so a repeat under the same applicant's reference is recognised.</summary>
    private static string Hash(ApplicationInput input)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            input.AreaId,
            CaseRef = input.CaseRef?.Trim().ToUpperInvariant(),
            input.ApplicantKind,
            input.ApplicantName,
            input.OnBehalfOf,
            input.ReceivedVia,
            input.ReceivedAt,
            input.ContactPhone,
            input.ContactEmail,
            input.ContactAddress,
            input.Category,
            input.Postcode,
            input.Account,
            Reports = input.ReportRefs().Select(Incident.KeyOf).Order().ToList(),
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
