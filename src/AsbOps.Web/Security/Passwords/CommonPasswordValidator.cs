using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Security.Passwords;

/// <summary>
/// Refuses a password on the deny-list wherever one is set (set-password link, change password, the command line),
/// since Identity runs every registered validator. Length is Identity's own rule (<c>RequiredLength</c>).
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public const string ErrorCode = "CommonPassword";

    public const string Message = "This password is on a list of common passwords that attackers try first. "
        + "Choose another: three random words make a strong one.";

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password) =>
        Task.FromResult(password is not null && CommonPasswords.Instance.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message })
            : IdentityResult.Success);
}
