using AsbOps.Domain.Areas;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.Areas;

/// <summary>An area as the admin page lists it, with the people who lead it.</summary>
public sealed record AreaAdminRow(
    int Id, string Code, string Name, DateTime? RetiredAt, int Version, IReadOnlyList<string> Sergeants, IReadOnlyList<string> Inspectors,
    string? AlertSergeant, string? AlertInspector, int OpenCases, bool InUse);

/// <summary>What an administrator types to add or rename an area.</summary>
public sealed class AreaInput
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>
/// Adds, renames, retires and reopens areas. A code in use (by an incident, a case or a user) never changes; a retired
/// area keeps its history but takes no new incidents and is offered nowhere new. Every change is audited, carries the
/// version it was read at, and tells every instance (the area directory's cache) through the live notifier.
/// </summary>
public sealed class AreaAdministration(IDbContextFactory<AsbOpsDbContext> dbFactory, AreaDirectory directory, OpsNotifier notifier, TimeProvider clock)
{
    public const int NameMaxLength = 100;

    public async Task<IReadOnlyList<AreaAdminRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.RetiredAt != null).ThenBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Code,
                a.Name,
                a.RetiredAt,
                a.Version,
                AlertSergeant = db.Users.Where(u => u.Id == a.SergeantUserId).Select(u => u.DisplayName).FirstOrDefault(),
                AlertInspector = db.Users.Where(u => u.Id == a.InspectorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                OpenCases = db.Cases.Count(c => c.AreaId == a.Id && c.Status != CaseStatus.Closed),
                InUse = db.Incidents.Any(i => i.AreaId == a.Id) || db.Cases.Any(c => c.AreaId == a.Id) || db.Users.Any(u => u.AreaId == a.Id),
            })
            .ToListAsync(cancellationToken);
        var leaders = await db.Users.AsNoTracking()
            .Where(u => u.AreaId != null && (u.PrimaryRole == Roles.Sergeant || u.PrimaryRole == Roles.Inspector))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { AreaId = u.AreaId!.Value, u.PrimaryRole, u.DisplayName })
            .ToListAsync(cancellationToken);
        return
        [
            .. areas.Select(a => new AreaAdminRow(a.Id, a.Code, a.Name, a.RetiredAt, a.Version,
                [.. leaders.Where(l => l.AreaId == a.Id && l.PrimaryRole == Roles.Sergeant).Select(l => l.DisplayName)],
                [.. leaders.Where(l => l.AreaId == a.Id && l.PrimaryRole == Roles.Inspector).Select(l => l.DisplayName)],
                a.AlertSergeant, a.AlertInspector, a.OpenCases, a.InUse)),
        ];
    }

    public async Task<CommandResult> AddAsync(UserScope admin, AreaInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(admin, cancellationToken);
        var code = input.Code.Trim().ToUpperInvariant();
        var errors = CheckName(input);
        if (!Area.IsValidCode(code))
        {
            errors[nameof(AreaInput.Code)] = "Use 1 to 16 capital letters and digits, such as CHARNWOOD.";
        }
        else if (await db.Areas.AnyAsync(a => a.Code == code, cancellationToken))
        {
            errors[nameof(AreaInput.Code)] = "An area already has this code.";
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var area = new Area { Code = code, Name = input.Name.Trim() };
        db.Areas.Add(area);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(AreaInput.Code)] = "An area already has this code." });
        }

        Changed(code);
        return CommandResult.Saved(area.Id);
    }

    /// <summary>Renames an area; its code changes too only while nothing uses it (a typo in a new area).</summary>
    public async Task<CommandResult> RenameAsync(UserScope admin, AreaInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(admin, cancellationToken);
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
        if (area is null)
        {
            return new CommandResult(CommandOutcome.NotFound, CommandResult.NoErrors, "No such area.");
        }

        if (area.Version != input.Version)
        {
            return CommandResult.Conflict();
        }

        var errors = CheckName(input);
        var code = input.Code.Trim().ToUpperInvariant();
        if (code != area.Code)
        {
            if (await InUseAsync(db, area.Id, cancellationToken))
            {
                errors[nameof(AreaInput.Code)] = "This area is in use: its code never changes, because links, workbooks and the control room know it.";
            }
            else if (!Area.IsValidCode(code))
            {
                errors[nameof(AreaInput.Code)] = "Use 1 to 16 capital letters and digits, such as CHARNWOOD.";
            }
            else if (await db.Areas.AnyAsync(a => a.Code == code, cancellationToken))
            {
                errors[nameof(AreaInput.Code)] = "An area already has this code.";
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var oldCode = area.Code;
        area.Name = input.Name.Trim();
        area.Code = code;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return CommandResult.Conflict();
        }

        Changed(oldCode);
        return CommandResult.Saved(area.Id);
    }

    public Task<CommandResult> RetireAsync(UserScope admin, int id, int version, CancellationToken cancellationToken = default) =>
        SetRetiredAsync(admin, id, version, retire: true, cancellationToken);

    public Task<CommandResult> ReopenAsync(UserScope admin, int id, int version, CancellationToken cancellationToken = default) =>
        SetRetiredAsync(admin, id, version, retire: false, cancellationToken);

    private async Task<CommandResult> SetRetiredAsync(UserScope admin, int id, int version, bool retire, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(admin, cancellationToken);
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (area is null)
        {
            return new CommandResult(CommandOutcome.NotFound, CommandResult.NoErrors, "No such area.");
        }

        if (area.Version != version)
        {
            return CommandResult.Conflict();
        }

        if (area.IsRetired == retire)
        {
            return CommandResult.Refused(retire ? "This area is already retired." : "This area is already open.");
        }

        area.RetiredAt = retire ? clock.GetUtcNow().UtcDateTime : null;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return CommandResult.Conflict();
        }

        Changed(area.Code);
        return CommandResult.Saved(area.Id);
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope admin, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(admin.UserId) ? null : admin.UserId, admin.UserName);
        db.Clock = clock;
        return db;
    }

    private static Dictionary<string, string> CheckName(AreaInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(AreaInput.Name)] = "Enter the area's name, such as Charnwood.";
        }
        else if (input.Name.Trim().Length > NameMaxLength)
        {
            errors[nameof(AreaInput.Name)] = $"Use at most {NameMaxLength} characters.";
        }

        return errors;
    }

    private static async Task<bool> InUseAsync(AsbOpsDbContext db, int areaId, CancellationToken cancellationToken) =>
        await db.Incidents.AnyAsync(i => i.AreaId == areaId, cancellationToken)
        || await db.Cases.AnyAsync(c => c.AreaId == areaId, cancellationToken)
        || await db.Users.AnyAsync(u => u.AreaId == areaId, cancellationToken);

    /// <summary>False when another administrator saved first (version) or took the code a moment ago (unique index).</summary>
    private static async Task<bool> TrySaveAsync(AsbOpsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>This instance's directory now; the others' through the notifier (and the Redis bridge when configured).</summary>
    private void Changed(string code)
    {
        directory.Invalidate();
        notifier.Publish(new OpsChange(OpsChangeKind.AreasChanged, code, At: clock.GetUtcNow().UtcDateTime));
    }
}
