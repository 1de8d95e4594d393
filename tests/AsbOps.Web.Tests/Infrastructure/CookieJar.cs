namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>
/// Keeps cookies by name for a test client, so a test can copy a session's cookie into another client (an attacker
/// replaying an old cookie) and see exactly what the server set or removed.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public const string AuthCookie = "asbops.auth";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (value.Length == 0 || expired)
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        return response;
    }
}
