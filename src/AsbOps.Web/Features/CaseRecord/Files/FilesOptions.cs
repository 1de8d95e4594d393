namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>Settings of case files, section <c>Files</c>.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>
    /// Where file contents are stored: outside the web root, relative to the content root unless absolute. Each file is
    /// stored under a generated name; the database row keeps its name, type and SHA-256.
    /// </summary>
    public string Directory { get; set; } = Path.Combine("data", "files");

    /// <summary>The largest file accepted, in bytes (default 25 MB).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}
