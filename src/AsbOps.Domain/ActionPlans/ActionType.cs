namespace AsbOps.Domain.ActionPlans;

public enum ActionType
{
    Visit = 1,
    PatrolPlan = 2,
    WarningLetter = 3,
    AcceptableBehaviourContract = 4,
    Mediation = 5,
    RestorativeApproach = 6,
    TargetHardening = 7,
    CommunityProtectionNotice = 8,
    CivilInjunction = 9,
    CriminalBehaviourOrder = 10,
    ClosureNoticeOrOrder = 11,
    PublicSpacesProtectionOrder = 12,
    DispersalDirection = 13,
    Referral = 14,
}
