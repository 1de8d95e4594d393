namespace AsbOps.Web.Email;

/// <summary>
/// Section <c>Email</c>: the pickup folder and how long to keep retrying. Links use <see cref="AppOptions.BaseUrl"/>
/// (an older <c>Email:BaseUrl</c> is still read there as a fallback).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string PickupDirectory { get; set; } = "mail-pickup";

    /// <summary>How long the outbox keeps retrying a message before marking it given up: 7 days.</summary>
    public double GiveUpAfterHours { get; set; } = 168;

    /// <summary>How many messages one dispatcher run sends at most.</summary>
    public int BatchSize { get; set; } = 50;
}
