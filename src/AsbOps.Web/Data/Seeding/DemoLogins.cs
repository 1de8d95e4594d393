namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// The demo logins, one per role, all in area <see cref="AreaCode"/> (the partner belongs to the local authority).
/// They exist only in Development; the password is <see cref="DemoOptions.Password"/>.
/// </summary>
public static class DemoLogins
{
    public const string AreaCode = "CHARNWOOD";

    public const string Officer = "officer@demo.local";
    public const string Sergeant = "sergeant@demo.local";
    public const string Inspector = "inspector@demo.local";
    public const string Compliance = "compliance@demo.local";
    public const string Analyst = "analyst@demo.local";
    public const string Partner = "partner@demo.local";
    public const string Admin = "admin@demo.local";
    public const string GuidanceReviewer = "reviewer@demo.local";

    /// <summary>The domain of the demo logins; generated staff use <see cref="StaffDomain"/>.</summary>
    public const string Domain = "@demo.local";

    /// <summary>Generated staff cannot sign in; their emails end with this fictional domain.</summary>
    public const string StaffDomain = "@force.example";

    public static readonly IReadOnlyList<string> All = [Officer, Sergeant, Inspector, Compliance, Analyst, Partner, Admin, GuidanceReviewer];
}
