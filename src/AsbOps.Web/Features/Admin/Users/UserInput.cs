using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Features.Admin.Users;

/// <summary>What an administrator edits of a user (and enters to invite one). One role a user: the app's roles do not combine.</summary>
public sealed class UserInput
{
    /// <summary>Empty when inviting.</summary>
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? CollarNumber { get; set; }

    public string Role { get; set; } = "";

    public int? AreaId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>Identity's concurrency stamp as the form read it: a save over someone else's change is refused.</summary>
    public string? ConcurrencyStamp { get; set; }
}
