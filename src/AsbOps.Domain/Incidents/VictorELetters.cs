namespace AsbOps.Domain.Incidents;

/// <summary>One letter of VICTOR-E: its code, its name and a one-line prompt for the attending officer.</summary>
public sealed record VictorELetter(char Code, string Name, string Explanation, Func<VictorEScreening, bool> IsMarked);

/// <summary>
/// The wording of the VICTOR-E screening, kept in one place so the aide-memoire, the incident page and the
/// screening form all say the same thing.
/// </summary>
public static class VictorELetters
{
    public const string HarassmentAlarmDistressName = "Harassment, alarm or distress";

    public const string HarassmentAlarmDistressExplanation =
        "The behaviour left someone harassed, alarmed or distressed — or was likely to. This is the starting question: without it the incident is not case managed.";

    public const string DecisionRule =
        "Case manage the incident when it caused harassment, alarm or distress and at least one letter applies.";

    public static IReadOnlyList<VictorELetter> All { get; } =
    [
        new('V', "Vulnerable",
            "Someone affected is vulnerable because of age, health, disability or their circumstances.",
            s => s.Vulnerable),
        new('I', "Impact",
            "The behaviour is having a real effect on someone's daily life, health or sense of safety.",
            s => s.Impact),
        new('C', "Combined approach",
            "Solving it needs more than the police: housing, the council, youth justice or another partner must act too.",
            s => s.CombinedApproach),
        new('T', "Targeted",
            "A particular person, household or place is being singled out rather than affected by chance.",
            s => s.Targeted),
        new('O', "Ongoing",
            "It has happened before or is likely to carry on; this is not a one-off.",
            s => s.Ongoing),
        new('R', "Risk",
            "There is a risk of harm, or of the behaviour escalating, if nobody takes ownership.",
            s => s.Risk),
        new('E', "hatE",
            "Hostility towards disability, race, religion, sexual orientation or transgender identity appears to be behind it.",
            s => s.Hate),
    ];
}
