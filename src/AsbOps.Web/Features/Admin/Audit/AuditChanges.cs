using System.Text.Json;

namespace AsbOps.Web.Features.Admin.Audit;

/// <summary>An audit entry's changes as lines people read: <c>Name: Old → New</c>.</summary>
public static class AuditChanges
{
    public sealed record Change(string Field, string From, string To);

    public static IReadOnlyList<Change> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateObject().Select(p => new Change(p.Name, Text(p.Value, "from"), Text(p.Value, "to")))];
        }
        catch (JsonException)
        {
            return [new Change("", "", json)];
        }
    }

    private static string Text(JsonElement change, string side) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(side, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null => "—",
                JsonValueKind.String => value.GetString()!,
                _ => value.GetRawText(),
            }
            : "—";
}
