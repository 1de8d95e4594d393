namespace AsbOps.Domain.Incidents;

/// <summary>One report of ASB, from the control room (STORM) or logged by an officer.</summary>
public sealed class Incident
{
    public const int DescriptionMaxLength = 4000;

    public long Id { get; set; }

    private string _stormRef = "";

    /// <summary>
    /// The control-room reference, kept as sent. Officer-logged incidents get an <c>OFF-</c> reference. Control rooms
    /// compare references case-insensitively, so uniqueness is held by <see cref="StormRefKey"/>.
    /// </summary>
    public required string StormRef
    {
        get => _stormRef;
        set
        {
            _stormRef = value;
            StormRefKey = KeyOf(value);
        }
    }

    /// <summary>
    /// The reference's comparison form (upper case), unique across incidents; set with <see cref="StormRef"/>. Rows that
    /// collided before references compared case-insensitively keep a suffixed key (see the migration).
    /// </summary>
    public string StormRefKey { get; private set; } = "";

    /// <summary>The comparison form of a control-room reference: two references are one incident when their keys match.</summary>
    public static string KeyOf(string stormRef) => stormRef.ToUpperInvariant();

    public IncidentSource Source { get; set; } = IncidentSource.ControlRoom;

    public DateTime ReceivedAt { get; set; }

    public int AreaId { get; set; }

    public AsbCategory Category { get; set; }

    public required string Address { get; set; }

    public required string Postcode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public required string Description { get; set; }

    public ThriveAssessment Thrive { get; set; } = new();

    public string? ReporterName { get; set; }

    public string? ReporterPhone { get; set; }

    /// <summary>The case it was linked to after screening; null while awaiting screening or when not case managed.</summary>
    public long? CaseId { get; set; }

    public VictorEScreening? Screening { get; set; }

    /// <summary>
    /// When its stored screening was made; null while it has none. Kept by the data layer whenever a save adds or
    /// removes a screening, so that the "awaiting screening" queue seeks an index to the few unscreened incidents.
    /// Not set by features.
    /// </summary>
    public DateTime? ScreenedAt { get; set; }

    /// <summary>Hash of the accepted request body, so a repeat of the same <see cref="StormRef"/> is recognised.</summary>
    public string? RequestHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }
}
