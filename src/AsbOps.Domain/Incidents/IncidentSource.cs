namespace AsbOps.Domain.Incidents;

public enum IncidentSource
{
    ControlRoom = 1,
    Officer = 2,
}
