namespace AsbOps.Web;

/// <summary>
/// Section <c>App</c>: the app's public address. Every absolute link the app writes (emails, marker links, workbooks,
/// set-password links) starts with <see cref="BaseUrl"/>, never with a request's Host header, which a client chooses.
/// </summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address of the launch profile, used when neither <c>App:BaseUrl</c> nor <c>Email:BaseUrl</c> is set.</summary>
    public const string DefaultBaseUrl = "http://localhost:5000";

    /// <summary>The older setting that held the public address; read only when <c>App:BaseUrl</c> is not set.</summary>
    public const string LegacyBaseUrlKey = "Email:BaseUrl";

    public string BaseUrl { get; set; } = "";

    /// <summary>True when a deployment set the address (either key); false when the default is in use.</summary>
    public bool BaseUrlConfigured { get; set; }

    /// <summary>An absolute link to a path of the app, such as <c>/cases/ASB-2026-00001</c>.</summary>
    public string Link(string pathAndQuery) => $"{BaseUrl.TrimEnd('/')}/{pathAndQuery.TrimStart('/')}";

    public string CaseLink(string caseRef) => Link($"/cases/{caseRef}");

    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
