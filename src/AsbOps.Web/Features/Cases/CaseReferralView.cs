using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Features.Cases;

/// <summary>A referral to a partner agency; a safeguarding referral shows its form and whether it is complete.</summary>
public sealed record CaseReferralView(
    Agency Agency,
    string Reason,
    DateTime SentAt,
    ReferralStatus Status,
    string? OutcomeNote,
    bool IsSafeguarding,
    string? SafeguardingConcerns,
    bool? ConsentToShare,
    string? ImmediateActions,
    bool IsComplete,
    string? PersonName);
