using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace AsbOps.Web.Security.SingleSignOn;

/// <summary>Why a single sign-on was refused: a code tests and logs use, and the sentence the user reads.</summary>
public sealed record SingleSignOnRefusal(string Code, string Title, string Message);

/// <summary>
/// Carries a refusal to its page in the address, protected and short-lived, so that nobody can make the app's
/// refusal page say something the app did not.
/// </summary>
public sealed class SingleSignOnRefusals(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("AsbOps.SingleSignOn.Refusal").ToTimeLimitedDataProtector();

    public string PageLink(SingleSignOnRefusal refusal) =>
        $"{SingleSignOnSession.RefusedPath}?r={Uri.EscapeDataString(Protector.Protect(JsonSerializer.Serialize(refusal), clock.GetUtcNow() + Lifetime))}";

    public SingleSignOnRefusal? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SingleSignOnRefusal>(Protector.Unprotect(token, out var expires)) is { } refusal && expires > clock.GetUtcNow()
                ? refusal
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
