namespace AsbOps.Web.Email;

/// <summary>Section <c>Smtp</c>. An empty host means no mail server: messages go to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public string From { get; set; } = "asbops@force.example";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool UseStartTls { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
