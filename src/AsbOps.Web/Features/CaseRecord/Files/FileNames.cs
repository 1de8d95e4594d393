namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>The name a case file is shown and downloaded under: the uploader's, made safe, with the extension of its real type.</summary>
public static class FileNames
{
    private static readonly char[] Reserved = ['<', '>', ':', '"', '|', '?', '*'];

    /// <summary>Why the name cannot be used, or null: a name with a folder in it is refused rather than cut down.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The file has no name.";
        }

        if (name.Contains('/') || name.Contains('\\') || name.Split('.').All(part => part.Length == 0) || name.Contains(".."))
        {
            return "The file name contains a folder path (/, \\ or ..). Attach the file itself, under a plain name.";
        }

        return null;
    }

    /// <summary>
    /// Control and reserved characters dropped, spaces trimmed, at most <paramref name="maxLength"/> characters, ending
    /// in the extension of <paramref name="type"/> (a photo named .png that is a JPEG downloads as .jpg).
    /// </summary>
    public static string Sanitise(string name, AllowedFileType type, int maxLength)
    {
        var kept = new string(name.Where(c => !char.IsControl(c) && Array.IndexOf(Reserved, c) < 0).ToArray()).Trim().Trim('.').Trim();
        var stem = Path.GetFileNameWithoutExtension(kept).Trim();
        var extension = Path.GetExtension(kept);
        if (!string.Equals(extension, type.Extension, StringComparison.OrdinalIgnoreCase)
            && !(type == FileContentTypes.Jpeg && string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            stem = kept;
            extension = type.Extension;
        }

        if (stem.Length == 0)
        {
            stem = "file";
        }

        var room = maxLength - extension.Length;
        return (stem.Length > room ? stem[..room].TrimEnd() : stem) + extension;
    }
}
