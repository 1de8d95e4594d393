using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;

namespace AsbOps.Web.Tests.Cases;

/// <summary>A case list that answers with a fixed result and remembers what it was asked.</summary>
public sealed class FakeCaseListService : ICaseListService
{
    private readonly List<CaseListQuery> _queries = [];

    public CaseListResult Result { get; set; } = CaseListResult.Empty();

    public IReadOnlyList<AreaInfo> Areas { get; set; } = [new(1, "CHARNWOOD", "Charnwood"), new(2, "MELTON", "Melton")];

    public IReadOnlyList<CaseListQuery> Queries
    {
        get
        {
            lock (_queries)
            {
                return _queries.ToList();
            }
        }
    }

    /// <summary>When set, searches answer only once it completes, as a database does some time after the call.</summary>
    public Task? Hold { get; set; }

    public async Task<CaseListResult> SearchAsync(UserScope user, CaseListQuery query, CancellationToken cancellationToken = default)
    {
        lock (_queries)
        {
            _queries.Add(query);
        }

        if (Hold is { } hold)
        {
            await hold;
        }

        return Result;
    }

    public Task<IReadOnlyList<AreaInfo>> GetAreasAsync(UserScope user, CancellationToken cancellationToken = default) =>
        Task.FromResult(Areas);
}

/// <summary>Case details from memory; counts the views recorded.</summary>
public sealed class FakeCaseDetailsService : ICaseDetailsService
{
    private int _views;

    public CaseDetails? Details { get; set; }

    public int RecordedViews => _views;

    public Task<CaseDetails?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Details is not null && string.Equals(Details.Reference, reference, StringComparison.OrdinalIgnoreCase) ? Details : null);

    public Task RecordViewAsync(UserScope user, long caseId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _views);
        return Task.CompletedTask;
    }
}
