using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Contacts;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Features.CaseRecord.Notes;
using AsbOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.CaseRecord;

/// <summary>The case record's services as fakes, for bUnit tests of pages that place its sections (the case page).</summary>
public static class CaseRecordFakes
{
    public static IServiceCollection AddCaseRecordFakes(this IServiceCollection services)
    {
        services.AddSingleton<ICaseNoteService>(new FakeCaseNoteService());
        services.AddSingleton<IVictimContactService>(new FakeVictimContactService());
        services.AddSingleton<ICaseFileService>(new FakeCaseFileService());
        return services;
    }
}

/// <summary>Notes held in memory: what the section reads, and what it asked to add.</summary>
public sealed class FakeCaseNoteService : ICaseNoteService
{
    public IReadOnlyList<CaseNoteView> Stored { get; set; } = [];

    public List<(long CaseId, CaseNoteInput Input)> Added { get; } = [];

    public Task<CaseNotesModel?> ReadAsync(UserScope user, long caseId, string? search = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<CaseNotesModel?>(new CaseNotesModel(Stored, Stored.Count, CanWrite: true));

    public Task<CommandResult> AddAsync(UserScope user, long caseId, CaseNoteInput input, CancellationToken cancellationToken = default)
    {
        Added.Add((caseId, new CaseNoteInput { Text = input.Text, SharedWith = input.SharedWith, CorrectsNoteId = input.CorrectsNoteId }));
        return Task.FromResult(CommandResult.Saved(99));
    }
}

/// <summary>A contact log held in memory: what the section reads, and what it asked to log.</summary>
public sealed class FakeVictimContactService : IVictimContactService
{
    public VictimContactsModel? Model { get; set; } = new([], CanWrite: true);

    public List<VictimContactInput> Logged { get; } = [];

    public CommandResult Answer { get; set; } = CommandResult.Saved(1);

    public Task<VictimContactsModel?> ReadAsync(UserScope user, long caseId, CancellationToken cancellationToken = default) => Task.FromResult(Model);

    public Task<CommandResult> LogAsync(UserScope user, long caseId, VictimContactInput input, CancellationToken cancellationToken = default)
    {
        Logged.Add(input);
        return Task.FromResult(Answer);
    }

    public Task<CommandResult> SetFrequencyAsync(UserScope user, long caseId, ContactFrequencyInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer);
}

/// <summary>Case files held in memory: what the section lists, and how many uploads it asked for.</summary>
public sealed class FakeCaseFileService : ICaseFileService
{
    public CaseFilesModel? Model { get; set; } = new([], CanWrite: true, MaxBytes: 25L * 1024 * 1024);

    public int Uploads { get; private set; }

    public long MaxBytes => Model?.MaxBytes ?? 0;

    public Task<CaseFilesModel?> ReadAsync(UserScope user, long caseId, CancellationToken cancellationToken = default) => Task.FromResult(Model);

    public Dictionary<string, string> ValidateBefore(CaseFileInput input, long declaredSize) => [];

    public Task<CommandResult> UploadAsync(UserScope user, long caseId, CaseFileInput input, Stream content, long declaredSize, CancellationToken cancellationToken = default)
    {
        Uploads++;
        return Task.FromResult(CommandResult.Saved(1));
    }

    public Task<CommandResult> RetireAsync(UserScope user, long caseId, RetireFileInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(CommandResult.Saved(input.FileId));

    public Task<CaseFileDownload?> OpenForDownloadAsync(UserScope user, string caseRef, long fileId, CancellationToken cancellationToken = default) =>
        Task.FromResult<CaseFileDownload?>(null);
}
