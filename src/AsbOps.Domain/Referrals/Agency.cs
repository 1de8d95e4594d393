namespace AsbOps.Domain.Referrals;

/// <summary>Partner agencies that referrals go to and that partner users belong to.</summary>
public enum Agency
{
    LocalAuthority = 1,
    Housing = 2,
    YouthJustice = 3,
    ChildrensSocialCare = 4,
    AdultSocialCare = 5,
    MentalHealth = 6,
    VictimServices = 7,
    Other = 8,
}
