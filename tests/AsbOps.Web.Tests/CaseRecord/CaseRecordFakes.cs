using AsbOps.Web.Data;
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
