using AsbOps.Domain.Referrals;
using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Data;

/// <summary>A person who logs in: staff belong to an area, partner users to an agency.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public int? AreaId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>Collar or staff number, shown beside the name.</summary>
    public string? CollarNumber { get; set; }

    /// <summary>The role name, duplicated from Identity's role tables for cheap listing and display.</summary>
    public string PrimaryRole { get; set; } = "";
}
