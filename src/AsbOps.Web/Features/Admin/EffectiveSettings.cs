using System.Globalization;
using AsbOps.Domain.Reminders;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Admin.Settings;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security.ApiKeys;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Admin;

/// <summary>
/// One setting as the admin page shows it. <see cref="Value"/> is never a secret; <see cref="Source"/> says where it
/// comes from (a settings file, the environment, the command line, or the built-in default).
/// </summary>
public sealed record SettingRow(string Key, string Value, bool IsSet, string Source = SettingSources.Default);

/// <summary>A machine client from <c>ApiClients</c>: its name, scopes and how its key is given — never the key.</summary>
public sealed record ApiClientRow(string Name, IReadOnlyList<string> Scopes, string KeyForm);

public sealed record SettingsView(IReadOnlyList<SettingRow> Settings, IReadOnlyList<ApiClientRow> ApiClients)
{
    /// <summary>The effective values the rules run with: reminders, compliance thresholds, review cadence, rates.</summary>
    public IReadOnlyList<SettingRow> Effective { get; init; } = [];
}

/// <summary>
/// The settings a deployment changes, read from the live configuration. Only named, non-secret values are shown:
/// passwords, keys and connection strings are reported as set or not set, so a screenshot can never leak one.
/// </summary>
public sealed class EffectiveSettings(IConfiguration configuration, IOptions<ComplianceOptions> compliance)
{
    public const string Hidden = "set (hidden)";
    public const string NotSet = "not set";

    private static readonly string[] SecretWords = ["password", "secret", "key", "token", "connection", "credential"];

    public SettingsView Read()
    {
        var rows = new List<SettingRow>
        {
            Plain($"{DatabaseOptions.Section}:Provider", "Sqlite (default)"),
            Secret($"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}", "the SQLite file in data/ (default)"),
            Secret("Redis:Configuration", "single instance"),
            Plain("Smtp:Host", "none: email is written as .eml files to the pickup directory"),
            Plain("Smtp:Port", null),
            Plain("Smtp:From", null),
            Secret("Smtp:Password", null),
            Plain("Email:PickupDirectory", null),
            List("Reminders:Days", $"{string.Join(", ", ReminderSchedule.Default.Days)}, then every {ReminderSchedule.Default.RepeatEveryDays} days (default)"),
            Plain("Reminders:MissingAssessments:LeadOfficerDays", "1 (default)"),
            Plain("Reminders:MissingAssessments:SergeantDays", "3 (default)"),
            Plain("Reminders:MissingAssessments:InspectorDays", "7 (default)"),
            Plain("Jobs:Enabled", null),
            Plain("Authentication:LocalAccounts", "true (default): password sign-in on"),
            Plain("Authentication:Oidc:Authority", "single sign-on off"),
            Plain("Authentication:Oidc:ClientId", null),
            Secret("Authentication:Oidc:ClientSecret", null),
            Plain("Authentication:Oidc:Scopes", "openid profile email (default)"),
            Plain("Authentication:Oidc:RoleClaim", "roles (default)"),
            Plain("Authentication:Oidc:AreaClaim", "the area is set in AsbOps"),
            Plain("Authentication:Oidc:AgencyClaim", "the agency is set in AsbOps"),
            Plain("Authentication:Oidc:CreateUsers", "false (default): unknown users are refused"),
            Plain("Authentication:Oidc:DisplayName", "Microsoft Entra ID (default)"),
            Plain("Authentication:Oidc:RequireHttpsMetadata", "true (default)"),
            Plain("Hub:MaxConnectionsPerClient", "50 (default)"),
            Plain("Hub:MaxConnectionsPerUser", "10 (default)"),
            Plain("Security:FailedAuthenticationPerMinute", "100 (default)"),
        };
        rows.AddRange(Section("Compliance"));
        return new SettingsView([.. rows.Select(r => r with { Source = SettingSources.Of(configuration, r.Key) })], ApiClients())
        {
            Effective = Effective(),
        };
    }

    /// <summary>
    /// Every value the reminder, compliance, review and rate rules run with, defaults included, and where each comes
    /// from. Read from the bound options, so what is shown is what the app uses.
    /// </summary>
    private List<SettingRow> Effective()
    {
        var rows = new List<SettingRow>();
        var days = configuration.GetSection("Reminders:Days").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        rows.Add(Effective("Reminders:Days", days.Count > 0 ? string.Join(", ", days) : string.Join(", ", ReminderSchedule.Default.Days), "Reminders:Days:0"));
        rows.Add(Effective("Reminders:RepeatEveryDays",
            configuration["Reminders:RepeatEveryDays"] ?? ReminderSchedule.Default.RepeatEveryDays.ToString(CultureInfo.InvariantCulture)));
        AddOptions(rows, ComplianceOptions.Section, compliance.Value);
        rows.Add(new SettingRow("ApiClients (default rate)", $"{new ApiClientOptions().RequestsPerMinute} requests a minute per key unless the client sets its own",
            false, SettingSources.Default));
        rows.Add(Effective("Authentication:SetPasswordLinkHours", configuration["Authentication:SetPasswordLinkHours"] ?? "24"));
        return rows;
    }

    private SettingRow Effective(string key, string value, string? sourceKey = null)
    {
        var source = SettingSources.Of(configuration, sourceKey ?? key);
        return new SettingRow(key, value, source != SettingSources.Default, source);
    }

    /// <summary>The public properties of an options object, nested ones as <c>Section:Child:Name</c>.</summary>
    private void AddOptions(List<SettingRow> rows, string prefix, object options)
    {
        foreach (var property in options.GetType().GetProperties().Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var value = property.GetValue(options);
            if (value is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                AddOptions(rows, key, value);
                continue;
            }

            rows.Add(Effective(key, IsSecretKey(key) ? Hidden : Convert.ToString(value, CultureInfo.InvariantCulture) ?? NotSet));
        }
    }

    public static bool IsSecretKey(string key) =>
        key.Split(':').Any(segment => SecretWords.Any(word => segment.Contains(word, StringComparison.OrdinalIgnoreCase)));

    private SettingRow Plain(string key, string? whenUnset)
    {
        var value = configuration[key];
        return string.IsNullOrEmpty(value)
            ? new SettingRow(key, whenUnset is null ? NotSet : $"{NotSet} — {whenUnset}", false)
            : new SettingRow(key, value, true);
    }

    private SettingRow Secret(string key, string? whenUnset) =>
        string.IsNullOrEmpty(configuration[key])
            ? new SettingRow(key, whenUnset is null ? NotSet : $"{NotSet} — {whenUnset}", false)
            : new SettingRow(key, Hidden, true);

    private SettingRow List(string key, string whenUnset)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (items.Count == 0 && !string.IsNullOrEmpty(section.Value))
        {
            items.Add(section.Value);
        }

        return items.Count == 0 ? new SettingRow(key, $"{NotSet} — {whenUnset}", false) : new SettingRow(key, string.Join(", ", items), true);
    }

    /// <summary>Every leaf of a section (e.g. all <c>Compliance:*</c> thresholds), with secret-looking keys hidden.</summary>
    private IEnumerable<SettingRow> Section(string name)
    {
        var leaves = configuration.GetSection(name).AsEnumerable()
            .Where(pair => pair.Value is not null)
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => new SettingRow(pair.Key, IsSecretKey(pair.Key) ? Hidden : pair.Value!, true))
            .ToList();
        return leaves.Count > 0 ? leaves : [new SettingRow($"{name}:*", $"{NotSet} — built-in thresholds apply", false)];
    }

    private List<ApiClientRow> ApiClients() =>
    [
        .. configuration.GetSection("ApiClients").GetChildren()
            .Select(client => new ApiClientRow(
                client["Name"] is { Length: > 0 } clientName ? clientName : $"(unnamed entry {client.Key})",
                [.. client.GetSection("Scopes").GetChildren().Select(s => s.Value).OfType<string>()],
                !string.IsNullOrEmpty(client["KeySha256"]) ? "SHA-256 hash"
                : !string.IsNullOrEmpty(client["Key"]) ? "plain key (development and tests only)"
                : "no key: the client cannot sign in"))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
    ];
}
