namespace AsbOps.Domain.Risk;

public enum AssessmentStatus
{
    /// <summary>Saved with questions still unanswered or a required safeguarding referral not filled.</summary>
    Draft = 1,
    Complete = 2,
}
