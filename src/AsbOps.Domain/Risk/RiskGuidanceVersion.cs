namespace AsbOps.Domain.Risk;

/// <summary>A published version of the risk guidance. Every assessment records the version it was made under.</summary>
public sealed class RiskGuidanceVersion
{
    public int Id { get; set; }

    /// <summary>1, 2, 3 …; the newest is used for new assessments.</summary>
    public int Number { get; set; }

    public DateTime PublishedAt { get; set; }

    public string? PublishedByUserId { get; set; }

    public required string Notes { get; set; }

    /// <summary>The questions, options, scores, bands and rules, stored as JSON.</summary>
    public required GuidanceDefinition Definition { get; set; }
}
