namespace AsbOps.Domain.Risk;

/// <summary>Version 1 of the risk guidance, as agreed by the task-and-finish group. Seeded as data.</summary>
public static class RiskGuidanceV1
{
    public const string Notes = "Version 1: victim, perpetrator and location matrices; bands 0–5 low, 6–10 medium, 11+ high.";

    public static GuidanceDefinition Definition { get; } = Build();

    private static OptionDefinition O(string value, string label, int score) => new(value, label, score);

    private static IReadOnlyList<OptionDefinition> Frequency(string first) =>
    [
        O("first", first, 0), O("less-than-weekly", "Less than weekly", 1), O("weekly", "Weekly", 2),
        O("daily", "Daily or more", 3),
    ];

    private static IReadOnlyList<OptionDefinition> Impact() =>
    [
        O("minimal", "Minimal", 0), O("some", "Some distress", 1),
        O("significant", "Significant — routine changed, fearful", 2),
        O("severe", "Severe — health affected, cannot cope, considering moving", 3),
    ];

    private static IReadOnlyList<OptionDefinition> Support() =>
        [O("none", "None", 2), O("some", "Some", 1), O("comprehensive", "Comprehensive", 0)];

    private static IReadOnlyList<OptionDefinition> Ynu(int yes, int unknown) =>
    [
        O(QuestionDefinition.Yes, "Yes", yes), O(QuestionDefinition.No, "No", 0),
        O(QuestionDefinition.Unknown, "Unknown", unknown),
    ];

    private static IReadOnlyList<OptionDefinition> Yn(int yes) =>
        [O(QuestionDefinition.Yes, "Yes", yes), O(QuestionDefinition.No, "No", 0)];

    private static FloorRule SafeguardingFloor() =>
        new("Safeguarding concern → at least medium", [new AnswerCondition("safeguarding", QuestionDefinition.Yes)], RiskLevel.Medium);

    private static GuidanceDefinition Build()
    {
        var victim = new MatrixDefinition(AssessmentKind.Victim, "Victim risk matrix",
        [
            new("frequency", "How often has the person experienced this ASB?", QuestionType.Choice, Frequency("First time")),
            new("impact", "Impact on the person", QuestionType.Choice, Impact()),
            new("vulnerable", "Is the person vulnerable?", QuestionType.YesNoUnknown, Ynu(3, 2)),
            new("repeatVictim", "Is the person a repeat victim?", QuestionType.YesNoUnknown, Ynu(2, 1)),
            new("targeted", "Is the person, or their home, being targeted?", QuestionType.YesNo, Yn(2)),
            new("hate", "Is the ASB motivated by hostility (disability, race, religion, sexual orientation, transgender identity)?", QuestionType.YesNo, Yn(3)),
            new("support", "Support or interventions already in place", QuestionType.Choice, Support()),
            new("safeguarding", "Is there a safeguarding concern?", QuestionType.YesNo, Yn(0), IsSafeguarding: true),
        ],
        [
            new("Vulnerable and targeted → at least high",
                [new AnswerCondition("vulnerable", QuestionDefinition.Yes), new AnswerCondition("targeted", QuestionDefinition.Yes)],
                RiskLevel.High),
            SafeguardingFloor(),
        ]);

        var perpetrator = new MatrixDefinition(AssessmentKind.Perpetrator, "Perpetrator risk matrix",
        [
            new("frequency", "Frequency of offending", QuestionType.Choice, Frequency("First known")),
            new("impact", "Impact of their behaviour on others", QuestionType.Choice, Impact()),
            new("escalating", "Is the behaviour escalating?", QuestionType.YesNoUnknown, Ynu(3, 1)),
            new("vulnerabilities", "Does the person have vulnerabilities (under 18, mental health, substance misuse, being exploited)?", QuestionType.YesNoUnknown, Ynu(2, 1)),
            new("support", "Support or interventions already in place", QuestionType.Choice, Support()),
            new("targeting", "Are they targeting a particular person or location?", QuestionType.YesNo, Yn(2)),
            new("safeguarding", "Is there a safeguarding concern?", QuestionType.YesNo, Yn(0), IsSafeguarding: true),
        ],
        [SafeguardingFloor()]);

        var location = new MatrixDefinition(AssessmentKind.Location, "Location risk matrix",
        [
            new("frequency", "Frequency of ASB at the location", QuestionType.Choice, Frequency("First time")),
            new("impact", "Impact on people using or living around the area", QuestionType.Choice, Impact()),
            new("escalation", "Risk of the ASB escalating", QuestionType.Choice,
                [O("low", "Low", 0), O("medium", "Medium", 2), O("high", "High", 3)]),
            new("vulnerableNearby", "Vulnerable people or premises nearby (school, care home, sheltered housing)?", QuestionType.YesNoUnknown, Ynu(2, 1)),
            new("measures", "Measures already in place (patrol plan, CCTV, PSPO)", QuestionType.Choice, Support()),
        ],
        []);

        return new GuidanceDefinition(
            [victim, perpetrator, location],
            [new ScoreBand(RiskLevel.Low, 0, 5), new ScoreBand(RiskLevel.Medium, 6, 10), new ScoreBand(RiskLevel.High, 11, null)]);
    }
}
