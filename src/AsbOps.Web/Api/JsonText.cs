using System.Text.Json;

namespace AsbOps.Web.Api;

/// <summary>
/// Reads JSON strings and property names without throwing on text that is not valid: raw bytes that are not UTF-8
/// and escaped lone surrogates (<c>"\ud800"</c>) parse as JSON but cannot become a .NET string, and reading them throws.
/// The callers turn a false into a 400 against the field instead of a 500.
/// </summary>
public static class JsonText
{
    public const string InvalidMessage = "Not valid text (invalid UTF-8 or an unpaired surrogate).";

    public static bool TryRead(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    public static bool TryReadName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }
}
