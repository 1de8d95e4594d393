namespace AsbOps.Domain.Audit;

public enum AuditAction
{
    Create = 1,
    Update = 2,
    Delete = 3,
    View = 4,
}
