using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.CaseRecord.Contacts;

/// <inheritdoc cref="VictimContactService"/>
public interface IVictimContactService
{
    Task<VictimContactsModel?> ReadAsync(UserScope user, long caseId, CancellationToken cancellationToken = default);

    Task<CommandResult> LogAsync(UserScope user, long caseId, VictimContactInput input, CancellationToken cancellationToken = default);

    Task<CommandResult> SetFrequencyAsync(UserScope user, long caseId, ContactFrequencyInput input, CancellationToken cancellationToken = default);
}

/// <summary>
/// The victims of a case whose contact is overdue, for the case summary at the top of the case page (empty for a
/// reader who may not see the contact log). The case page's slice may use it once it is named in the architecture
/// tests' SliceEntryPoints (an entry point no other slice uses fails them, so it is added with its first caller).
/// </summary>
public interface IOverdueContacts
{
    Task<IReadOnlyList<OverdueVictimContact>> OverdueAsync(UserScope user, long caseId, CancellationToken cancellationToken = default);
}
