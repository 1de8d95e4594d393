using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Contacts;
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
