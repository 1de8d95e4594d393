namespace AsbOps.Domain.CaseRecord;

/// <summary>How a victim was contacted.</summary>
public enum ContactMethod
{
    Visit = 1,
    Phone = 2,
    Letter = 3,
    Email = 4,
    Video = 5,
}
