namespace AsbOps.Domain.Areas;

/// <summary>A neighbourhood policing area. Its sergeant and inspector receive its high-risk alerts.</summary>
public sealed class Area
{
    public int Id { get; set; }

    /// <summary>Upper-case code used in URLs and the public API, e.g. <c>CHARNWOOD</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? SergeantUserId { get; set; }

    public string? InspectorUserId { get; set; }

    public int Version { get; set; }

    /// <summary>When the area was retired: it keeps its history but takes no new incidents and is offered nowhere new.</summary>
    public DateTime? RetiredAt { get; set; }

    public bool IsRetired => RetiredAt is not null;

    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 16 && code.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
}
