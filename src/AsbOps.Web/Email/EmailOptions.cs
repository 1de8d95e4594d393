namespace AsbOps.Web.Email;

/// <summary>Section <c>Email</c>: the pickup folder, how long to keep retrying, and the app's public address for links.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string PickupDirectory { get; set; } = "mail-pickup";

    public double GiveUpAfterHours { get; set; } = 48;

    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How many messages one dispatcher run sends at most.</summary>
    public int BatchSize { get; set; } = 50;

    public string CaseLink(string caseRef) => $"{BaseUrl.TrimEnd('/')}/cases/{caseRef}";
}
