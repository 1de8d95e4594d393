using AsbOps.Domain.Cases;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Makes fictional people and remembers recent victims and perpetrators of each area, so that some appear on
/// several cases (repeat victims, prolific perpetrators) as they do in real caseloads.
/// </summary>
internal sealed class DemoPeoplePool(DemoCalendar calendar)
{
    // Repeats come from the area's recent people, as an officer would recognise them.
    private const int RecentWindow = 400;

    private readonly Dictionary<(int Area, PersonRole Role), List<(Person Person, int Age)>> _recent = [];

    public int Created { get; private set; }

    public (Person Person, int Age) Create(Random rng, DemoAddress address, int minAge, int maxAge, string? lastName = null)
    {
        var first = DemoNames.FirstName(rng);
        var last = lastName ?? DemoNames.LastName(rng);
        var age = rng.Next(minAge, maxAge + 1);
        var person = new Person
        {
            FirstName = first,
            LastName = last,
            SearchName = Person.ToSearchName(first, last),
            DateOfBirth = rng.Chance(0.92) ? calendar.Today.AddYears(-age).AddDays(-rng.Next(0, 365)) : null,
            Address = address.Line,
            Postcode = address.Postcode,
            Phone = rng.Chance(0.7) ? DemoNames.Phone(rng) : null,
        };
        Created++;
        return (person, age);
    }

    /// <summary>A person of the area seen recently in this role, not already on the case; null if none fits.</summary>
    public (Person Person, int Age)? Repeat(Random rng, int area, PersonRole role, IReadOnlyCollection<Person> onCase)
    {
        if (!_recent.TryGetValue((area, role), out var list) || list.Count == 0)
        {
            return null;
        }

        var from = Math.Max(0, list.Count - RecentWindow);
        var pick = list[rng.Next(from, list.Count)];
        return onCase.Contains(pick.Person) ? null : pick;
    }

    public void Remember(int area, PersonRole role, Person person, int age)
    {
        if (!_recent.TryGetValue((area, role), out var list))
        {
            list = [];
            _recent[(area, role)] = list;
        }

        list.Add((person, age));
    }
}
