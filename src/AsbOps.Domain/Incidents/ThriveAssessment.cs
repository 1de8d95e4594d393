namespace AsbOps.Domain.Incidents;

/// <summary>The control room's initial THRIVE assessment: one short note per element and a grade.</summary>
public sealed class ThriveAssessment
{
    public const int NoteMaxLength = 1000;

    public string? Threat { get; set; }
    public string? Harm { get; set; }
    public string? Risk { get; set; }
    public string? Investigation { get; set; }
    public string? Vulnerability { get; set; }
    public string? Engagement { get; set; }
    public ThriveGrade Grade { get; set; } = ThriveGrade.Scheduled;
}
