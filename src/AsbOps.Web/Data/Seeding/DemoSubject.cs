using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Data.Seeding;

/// <summary>Someone (or the location) on a case being built, with their assessments oldest first.</summary>
internal sealed class DemoSubject(CaseParticipant? participant, Person? person, int? age)
{
    public CaseParticipant? Participant { get; } = participant;

    public Person? Person { get; } = person;

    public int? Age { get; } = age;

    public PersonRole? Role => Participant?.Role;

    public bool IsLocation => Participant is null;

    public bool IsChild => Age is < 18;

    public List<Assessment> History { get; } = [];

    public Assessment? Current => History.Count > 0 && History[^1].IsCurrent ? History[^1] : null;

    public Assessment? CurrentComplete => Current is { Status: AssessmentStatus.Complete } current ? current : null;
}
