namespace AsbOps.Domain.Cases;

public enum PersonRole
{
    Victim = 1,
    Perpetrator = 2,
    Witness = 3,
    ReportingPerson = 4,
    Other = 5,
}
