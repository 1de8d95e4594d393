namespace AsbOps.Web.Data.Seeding;

/// <summary>Section <c>Demo</c>: the demo force loaded into an empty database in Development.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo force when the database has no cases. Only honoured in Development.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>1 = about 4,400 cases over a year; 10 = about 44,000.</summary>
    public int Scale { get; set; } = 1;

    /// <summary>Random seed: the same seed and day give the same force.</summary>
    public int Seed { get; set; } = 2018;

    /// <summary>The demo users' password (Development only).</summary>
    public string Password { get; set; } = "AsbOps-demo-1";
}
