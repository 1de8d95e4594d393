using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.CaseRecord;

/// <summary>The app with its files directory in a fresh temporary folder and a 64 KB limit, so "too big" is cheap to test.</summary>
public sealed class FilesAppFactory : AsbOpsAppFactory
{
    public const long MaxBytes = 64 * 1024;

    public string FilesDirectory { get; } = Path.Combine(Path.GetTempPath(), "asbops-test-files", Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Files:Directory"] = FilesDirectory,
        ["Files:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Every file in the directory, temporary ones included.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(FilesDirectory) ? Directory.GetFiles(FilesDirectory, "*", SearchOption.AllDirectories) : [];
}
