using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Intake.Logging;

/// <summary>An incident as an officer types it in; <see cref="IncidentInputRules"/> says what is wrong with it.</summary>
public sealed class IncidentInput
{
    /// <summary>UK wall-clock time the report was received.</summary>
    public DateTime? ReceivedAtLocal { get; set; }

    public int? AreaId { get; set; }

    public AsbCategory? Category { get; set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Description { get; set; }

    public string? ReporterName { get; set; }

    public string? ReporterPhone { get; set; }

    public string? Threat { get; set; }

    public string? Harm { get; set; }

    public string? Risk { get; set; }

    public string? Investigation { get; set; }

    public string? Vulnerability { get; set; }

    public string? Engagement { get; set; }

    public ThriveGrade? Grade { get; set; }
}
