using AsbOps.Domain.Areas;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Creates the eight areas and their staff. Generated staff have no password (they cannot sign in), so no hashing
/// is spent on them; only the Development demo logins get one.
/// </summary>
internal sealed class DemoStaffBuilder(
    IPasswordHasher<AppUser> passwordHasher,
    ILookupNormalizer normalizer,
    bool withDemoLogins,
    string demoPassword)
{
    private const int OfficersAtScaleOne = 60;
    private const int MinimumOfficersPerArea = 3;

    private readonly List<AppUser> _users = [];
    private readonly List<IdentityUserRole<string>> _roles = [];
    private int _collar = 1000;

    public async Task<IReadOnlyList<DemoAreaStaff>> BuildAsync(AsbOpsDbContext db, Random rng, int scale, CancellationToken cancellationToken)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        var missing = Roles.All.Where(r => !roleIds.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Roles {string.Join(", ", missing)} are missing: run the database initializer first.");
        }

        var places = DemoPlaces.Areas;
        var sergeants = new DemoStaffMember[places.Count];
        var inspectors = new DemoStaffMember[places.Count];
        var officers = places.Select(_ => new List<DemoStaffMember>()).ToArray();
        var charnwood = IndexOf(DemoLogins.AreaCode);

        if (withDemoLogins)
        {
            officers[charnwood].Add(Demo(DemoLogins.Officer, "Jess Carter", Roles.Officer, charnwood));
            sergeants[charnwood] = Demo(DemoLogins.Sergeant, "Mark Holloway", Roles.Sergeant, charnwood);
            inspectors[charnwood] = Demo(DemoLogins.Inspector, "Priya Sandhu", Roles.Inspector, charnwood);
            Demo(DemoLogins.Compliance, "Lena Fischer", Roles.Compliance, charnwood);
            Demo(DemoLogins.Analyst, "Tom Archer", Roles.Analyst, charnwood);
            Demo(DemoLogins.Partner, "Rachel Dunmore", Roles.Partner, null, Agency.LocalAuthority);
            Demo(DemoLogins.Admin, "Sam Whitley", Roles.Admin, charnwood);
            Demo(DemoLogins.GuidanceReviewer, "Dee Okafor", Roles.GuidanceReviewer, null);
        }

        for (var i = 0; i < places.Count; i++)
        {
            sergeants[i] ??= Staff(rng, Roles.Sergeant, i);
            inspectors[i] ??= Staff(rng, Roles.Inspector, i);
        }

        // Every area gets a few officers; the rest follow how busy the area is. Staff grow slowly with scale.
        var officerCount = OfficersAtScaleOne + (15 * (scale - 1));
        var weights = places.Select(p => p.Weight).ToList();
        for (var n = 0; n < officerCount; n++)
        {
            var area = n < MinimumOfficersPerArea * places.Count ? n % places.Count : rng.PickWeighted(weights);
            officers[area].Add(Staff(rng, Roles.Officer, area));
        }

        for (var n = 0; n < 2 + (scale / 5); n++)
        {
            Staff(rng, Roles.Compliance, null);
            Staff(rng, Roles.Analyst, null);
        }

        var areas = await SaveAreasAsync(db, sergeants, inspectors, cancellationToken);
        foreach (var user in _users)
        {
            if (user.AreaId is { } index)
            {
                user.AreaId = areas[index].Id;
            }

            _roles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[user.PrimaryRole] });
        }

        db.Users.AddRange(_users);
        db.UserRoles.AddRange(_roles);
        await db.SaveChangesAsync(cancellationToken);

        return [.. places.Select((p, i) => new DemoAreaStaff(areas[i], p, sergeants[i], inspectors[i], officers[i]))];
    }

    private static int IndexOf(string code) => DemoPlaces.Areas.ToList().FindIndex(a => a.Code == code);

    /// <summary>Finds the eight areas by code (an administrator may have kept one) or creates them.</summary>
    private static async Task<Area[]> SaveAreasAsync(AsbOpsDbContext db, DemoStaffMember[] sergeants, DemoStaffMember[] inspectors, CancellationToken cancellationToken)
    {
        var codes = DemoPlaces.Areas.Select(a => a.Code).ToList();
        var existing = await db.Areas.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var areas = new Area[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            var place = DemoPlaces.Areas[i];
            if (existing.TryGetValue(place.Code, out var area))
            {
                db.Entry(area).State = EntityState.Modified;
            }
            else
            {
                area = new Area { Code = place.Code, Name = place.Name };
                db.Areas.Add(area);
            }

            area.Name = place.Name;
            area.SergeantUserId = sergeants[i].Id;
            area.InspectorUserId = inspectors[i].Id;
            areas[i] = area;
        }

        await db.SaveChangesAsync(cancellationToken);
        return areas;
    }

    private DemoStaffMember Demo(string email, string name, string role, int? areaIndex, Agency? agency = null)
    {
        // Identifiers of the demo logins are fixed so that a bookmark or a test survives a re-seed.
        var id = $"demo-{email.Split('@')[0]}";
        var user = NewUser(id, email, name, role, areaIndex, agency, collar: role is Roles.Officer or Roles.Sergeant ? NextCollar() : null);
        user.PasswordHash = passwordHasher.HashPassword(user, demoPassword);
        return new DemoStaffMember(id, name, email);
    }

    private DemoStaffMember Staff(Random rng, string role, int? areaIndex)
    {
        var first = DemoNames.FirstName(rng);
        var last = DemoNames.LastName(rng);
        var collar = NextCollar();
        var handle = $"{char.ToLowerInvariant(first[0])}.{new string(last.Where(char.IsLetter).ToArray()).ToLowerInvariant()}{collar}";
        var email = handle + DemoLogins.StaffDomain;
        var id = rng.NextGuid().ToString();
        NewUser(id, email, $"{first} {last}", role, areaIndex, null, collar);
        return new DemoStaffMember(id, $"{first} {last}", email);
    }

    private string NextCollar() => (_collar += 7).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private AppUser NewUser(string id, string email, string name, string role, int? areaIndex, Agency? agency, string? collar)
    {
        var user = new AppUser
        {
            Id = id,
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,

            // Stamps key Identity's tokens, so they stay unpredictable; nothing in the demo data depends on them.
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = name,

            // Holds the area's index until the areas are saved and have their ids.
            AreaId = areaIndex,
            Agency = agency,
            CollarNumber = collar,
            PrimaryRole = role,
        };
        _users.Add(user);
        return user;
    }
}
