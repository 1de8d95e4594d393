namespace AsbOps.Domain.Markers;

public enum MarkerSubjectType
{
    Person = 1,
    Location = 2,
}
