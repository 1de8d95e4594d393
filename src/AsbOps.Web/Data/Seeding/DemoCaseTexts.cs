using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Data.Seeding;

/// <summary>The officers' words: explanations of yes answers, rationales, actions, referrals.</summary>
internal static class DemoCaseTexts
{
    private static readonly Dictionary<string, string[]> Explanations = new(StringComparer.Ordinal)
    {
        ["vulnerable"] = ["Lives alone and has mobility problems.", "Diagnosed with anxiety; says she cannot cope.", "Aged over 80 with early dementia.", "Has a learning disability; carer present at visit."],
        ["repeatVictim"] = ["Third report this year from the same address.", "Previous case closed in spring for the same problem.", "Reported similar abuse at her previous address."],
        ["targeted"] = ["Abuse is aimed at the victim's home only.", "Eggs and stones thrown at this house, not neighbours'.", "Notes posted through this door only."],
        ["hate"] = ["Comments about the victim's religion.", "Abuse refers to the victim's disability.", "Racial slurs shouted at the family.", "Homophobic remarks on each occasion."],
        ["safeguarding"] = ["Children in the household witness the abuse.", "Adult at risk: possible financial exploitation.", "Young person may be criminally exploited.", "Self-neglect noticed at the visit."],
        ["escalating"] = ["Moved from verbal abuse to damage to the car.", "Now involving more friends, later at night.", "Threats made for the first time this week."],
        ["vulnerabilities"] = ["Aged 15; not attending school.", "Known substance misuse.", "Mental health crisis team involved.", "Believed to be running drugs for older males."],
        ["targeting"] = ["Focuses on the victim's house.", "Always the same bus stop and the same shop.", "Targets the elderly neighbour."],
        ["vulnerableNearby"] = ["Primary school opposite.", "Sheltered housing block adjoins the site.", "Care home backs onto the park."],
    };

    private static readonly Dictionary<ActionType, string[]> Actions = new()
    {
        [ActionType.Visit] = ["Visit the victim and update on progress.", "Joint visit with the housing officer.", "Home visit to the perpetrator and parents."],
        [ActionType.PatrolPlan] = ["High-visibility patrols Friday and Saturday evenings.", "Add the location to the neighbourhood patrol plan for four weeks."],
        [ActionType.WarningLetter] = ["Issue an ASB warning letter.", "Second warning letter with the council."],
        [ActionType.AcceptableBehaviourContract] = ["Agree an acceptable behaviour contract with the young person and parents."],
        [ActionType.Mediation] = ["Offer community mediation to both households."],
        [ActionType.RestorativeApproach] = ["Restorative meeting with the victim's consent."],
        [ActionType.TargetHardening] = ["Fit a letterbox guard and door camera.", "Request extra lighting from the council."],
        [ActionType.CommunityProtectionNotice] = ["Serve a community protection warning, then a notice if it continues."],
        [ActionType.CivilInjunction] = ["Prepare a civil injunction application with the housing provider."],
        [ActionType.CriminalBehaviourOrder] = ["Request a criminal behaviour order on conviction."],
        [ActionType.ClosureNoticeOrOrder] = ["Gather evidence for a closure notice on the premises."],
        [ActionType.PublicSpacesProtectionOrder] = ["Ask the council to extend the PSPO to the park."],
        [ActionType.DispersalDirection] = ["Inspector's authority for a dispersal direction over the weekend."],
        [ActionType.Referral] = ["Refer to the partner agency and record the outcome."],
    };

    private static readonly Dictionary<Agency, string> AgencyTeams = new()
    {
        [Agency.LocalAuthority] = "Council ASB team",
        [Agency.Housing] = "Housing officer",
        [Agency.YouthJustice] = "Youth justice service",
        [Agency.ChildrensSocialCare] = "Children's social care",
        [Agency.AdultSocialCare] = "Adult social care",
        [Agency.MentalHealth] = "Mental health team",
        [Agency.VictimServices] = "Victim First",
        [Agency.Other] = "Partner agency",
    };

    public static string Explanation(Random rng, string questionKey) =>
        Explanations.TryGetValue(questionKey, out var options) ? rng.Pick(options) : "Seen at the visit; noted in the case log.";

    public static string ActionDescription(Random rng, ActionType type) => rng.Pick(Actions[type]);

    public static string Team(Agency agency) => AgencyTeams[agency];

    public static string RaisedRationale(Random rng) => rng.Pick(
    [
        "Officer's judgement: the victim is more affected than the answers show; raised after the visit.",
        "Intelligence suggests the group is escalating; raised pending review.",
        "Previous unrecorded incidents disclosed at the visit.",
    ]);

    public static string LoweredRationale(Random rng) => rng.Pick(
    [
        "Perpetrator has moved out of the area; risk reduced.",
        "Support now in place and the victim reports feeling safe.",
        "Injunction granted; no incidents since.",
    ]);

    public static string ReferralReason(Random rng, Agency agency) => agency switch
    {
        Agency.Housing => rng.Pick(["Tenancy breach by the perpetrator.", "Victim requests a management move."]),
        Agency.LocalAuthority => rng.Pick(["Joint case with the council ASB team.", "Noise nuisance: statutory nuisance investigation.", "Environmental enforcement requested."]),
        Agency.YouthJustice => "Young person involved in repeated ASB; prevention work.",
        Agency.MentalHealth => "Perpetrator's behaviour linked to mental ill health.",
        Agency.VictimServices => "Victim support and advocacy.",
        Agency.ChildrensSocialCare => "Safeguarding concern for a child.",
        Agency.AdultSocialCare => "Safeguarding concern for an adult at risk.",
        _ => "Partner support requested.",
    };

    public static string Outcome(Random rng) => rng.Pick(
    [
        "Accepted; support worker allocated.", "Joint visit completed.", "Declined: threshold not met.",
        "Closed: support delivered, no further concerns.", "Warning issued by the partner.",
    ]);

    public static string SafeguardingConcerns(Random rng) => rng.Pick(
    [
        "Children present during repeated abuse at the address; impact on their wellbeing.",
        "Adult at risk appears to be financially exploited by visitors.",
        "Young person associating with older males; signs of criminal exploitation.",
    ]);

    public static string ImmediateActions(Random rng) => rng.Pick(
    [
        "Safety advice given; door camera fitted; referral phoned through.",
        "Welfare check completed; family member contacted.",
        "Strategy discussion requested with the MASH.",
    ]);
}
