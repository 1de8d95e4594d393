using System.Collections.Frozen;

namespace AsbOps.Web.Security.Passwords;

/// <summary>
/// The deny-list of common passwords (see README.md beside it), read once from the embedded resource. A password is
/// common when it is on the list ignoring case, or when it is a listed password followed only by digits and symbols
/// ("monkey123456!"), which guessing tools try first.
/// </summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "AsbOps.Web.Security.Passwords.common-passwords.txt";

    private static readonly Lazy<CommonPasswords> Shared = new(Load);

    private readonly FrozenSet<string> _passwords;

    private CommonPasswords(FrozenSet<string> passwords) => _passwords = passwords;

    /// <summary>The list shipped with the app.</summary>
    public static CommonPasswords Instance => Shared.Value;

    public int Count => _passwords.Count;

    public bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (_passwords.Contains(lower))
        {
            return true;
        }

        var core = lower.TrimEnd("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\| ".ToCharArray());
        return core.Length > 0 && core.Length < lower.Length && _passwords.Contains(core);
    }

    private static CommonPasswords Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return new CommonPasswords(passwords.ToFrozenSet(StringComparer.Ordinal));
    }
}
