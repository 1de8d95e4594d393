namespace AsbOps.Web.Components.Shared;

/// <summary>Rule and server errors come as one message a field or several; the validator takes several.</summary>
public static class FieldMessages
{
    public static IReadOnlyDictionary<string, string[]> AsFieldMessages(this IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal);
}
