using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Data.Seeding;

/// <summary>What callers report and what the control room notes, by ASB category.</summary>
internal static class DemoIncidentTexts
{
    private static readonly string[] Personal =
    [
        "Caller reports the neighbour at {n} has been shouting abuse at her over the garden fence and banging on the shared wall late at night.",
        "Caller states a group of youths have been knocking on his door and running off, and have thrown eggs at his front window. He is elderly and lives alone.",
        "Caller says her ex-partner's friends keep driving past the house slowly and staring in; she feels she is being watched.",
        "Caller reports the family upstairs are deliberately dropping rubbish onto his balcony and laughing when he complains.",
        "Caller reports repeated name calling about her religion by a neighbour when she leaves for work. She is frightened to go out.",
        "Caller's son has been targeted by older teenagers on the way home from school; they have taken his bike and filmed him.",
        "Caller reports neighbour's visitors have been parking across her drive and threatening her when she asks them to move.",
        "Caller says someone has been posting offensive notes through his door referring to his disability.",
        "Caller reports a neighbour is playing loud music directed at her flat and shouting threats through the letterbox.",
        "Caller's mother, who has dementia, is being harassed by local youths who ring the doorbell and ask her for money.",
    ];

    private static readonly string[] Nuisance =
    [
        "Group of 8–10 youths congregating at {p}, drinking, shouting and climbing on the roof of the shelter.",
        "Off-road motorbikes being ridden at speed across {p}; residents concerned for children playing.",
        "Loud music and a party at {n} continuing past 2am for the third weekend running.",
        "Youths throwing stones at passing buses near {p}; no injuries, driver shaken.",
        "Persons seen smoking cannabis in the stairwell of the flats and leaving needles behind; residents feel intimidated.",
        "Caller reports a group revving cars and doing doughnuts in the car park at {p} most evenings.",
        "Fireworks being let off towards houses on {s} by a group of teenagers.",
        "Rough sleepers' encampment at {p}; arguments and shouting late into the night, bins set alight.",
        "Youths riding e-scooters on the pavement outside the shops, abusive to shopkeepers who challenge them.",
        "Neighbour's dogs barking continuously and the owner abusive when approached.",
    ];

    private static readonly string[] Environmental =
    [
        "Large amount of fly-tipped household waste dumped on the verge of {s}, including a mattress and bags of rubble.",
        "Graffiti sprayed on the garage doors along {s} overnight; some of it offensive.",
        "Abandoned car with no plates left outside {n} for three weeks, now with smashed windows.",
        "Bins deliberately set alight behind the shops at {p}.",
        "Litter and broken glass left at {p} after gatherings every evening; children play there.",
        "Trolleys and rubbish repeatedly dumped in the brook behind {s}.",
        "Bus shelter on {s} vandalised again, glass panels smashed.",
        "Drug paraphernalia left in the play area at {p}.",
    ];

    private static readonly string[] Threats =
        ["No weapons mentioned.", "Threats made to the caller.", "Verbal threats, no violence.", "No threat to life identified.", "Caller fears escalation."];

    private static readonly string[] Harms =
        ["Caller distressed.", "Low immediate harm.", "Damage to property.", "Risk of injury to children.", "Cumulative harm from repeat incidents."];

    private static readonly string[] Vulnerabilities =
        ["No vulnerability disclosed.", "Caller is elderly and lives alone.", "Caller has a disability.", "Children in the household.", "Caller mentions anxiety and depression."];

    private static readonly string[] Engagements =
        ["Caller happy to speak to officers.", "Caller wants advice only.", "Caller willing to give a statement.", "Caller prefers a phone call.", "Caller does not want to be seen speaking to police."];

    public static string Description(Random rng, AsbCategory category, string homeAddress, string street, string place)
    {
        var template = category switch
        {
            AsbCategory.Personal => rng.Pick(Personal),
            AsbCategory.Nuisance => rng.Pick(Nuisance),
            _ => rng.Pick(Environmental),
        };
        return template.Replace("{n}", homeAddress).Replace("{s}", street).Replace("{p}", place);
    }

    public static ThriveAssessment Thrive(Random rng, AsbCategory category, bool caseManaged)
    {
        var grade = caseManaged
            ? (ThriveGrade)(rng.PickWeighted([0.05, 0.35, 0.5, 0.1]) + 1)
            : (ThriveGrade)(rng.PickWeighted([0.01, 0.14, 0.55, 0.3]) + 1);
        return new ThriveAssessment
        {
            Threat = rng.Pick(Threats),
            Harm = rng.Pick(Harms),
            Risk = caseManaged ? "Repeat or targeted ASB; risk of escalation." : "Low risk of escalation.",
            Investigation = category == AsbCategory.Environmental
                ? "Check CCTV; pass to council enforcement."
                : "Identify persons involved; check for previous reports at the address.",
            Vulnerability = rng.Pick(Vulnerabilities),
            Engagement = rng.Pick(Engagements),
            Grade = grade,
        };
    }

    public static string ScreeningNote(Random rng, bool caseManaged) => caseManaged
        ? rng.Pick(["Repeat ASB with impact on the victim; case managed.", "Targeted; linked to the existing case.", "Ongoing problem at the location; case opened.", "Vulnerable caller; case managed."])
        : rng.Pick(["Advice given; no further action.", "One-off; no HAD caused.", "Passed to the council; not case managed.", "Words of advice to those involved."]);
}
