namespace AsbOps.Web.Security;

/// <summary>The roles of AsbOps, and the groups of them that pages and endpoints allow.</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string Sergeant = "sergeant";
    public const string Inspector = "inspector";
    public const string Compliance = "compliance";
    public const string Analyst = "analyst";
    public const string Partner = "partner";
    public const string Admin = "admin";

    /// <summary>
    /// A partner member of the task-and-finish group: the force's aggregate metrics and what-if figures, never a case,
    /// a person or free text.
    /// </summary>
    public const string GuidanceReviewer = "guidance-reviewer";

    public static readonly IReadOnlyList<string> All = [Officer, Sergeant, Inspector, Compliance, Analyst, Partner, Admin, GuidanceReviewer];

    /// <summary>Everyone who works for the force (not partner agencies).</summary>
    public const string Staff = "officer,sergeant,inspector,compliance,analyst,admin";

    /// <summary>Anyone who may open the case list and a case (partners see only shared cases).</summary>
    public const string CaseReaders = "officer,sergeant,inspector,compliance,analyst,partner,admin";

    /// <summary>The dashboard and wallboard.</summary>
    public const string Operations = "officer,sergeant,inspector,compliance,analyst,admin";

    /// <summary>Incidents and their screening.</summary>
    public const string IncidentReaders = "officer,sergeant,inspector,compliance,admin";

    /// <summary>Who logs incidents by hand and screens them with VICTOR-E (in their own area unless force-wide).</summary>
    public const string IncidentHandlers = "officer,sergeant,inspector,admin";

    /// <summary>Who publishes a new risk guidance version: the task-and-finish group (analysts) or an administrator.</summary>
    public const string GuidancePublishers = "analyst,admin";

    public const string ComplianceReaders = "compliance,sergeant,inspector,admin";

    public const string MetricsReaders = "analyst,admin,guidance-reviewer";

    public const string GuidanceReaders = "analyst,admin";

    /// <summary>Who replays a draft guidance version over past assessments (<c>/metrics/what-if</c>).</summary>
    public const string WhatIfReaders = "analyst,admin,guidance-reviewer";

    public static bool HandlesIncidents(string role) => role is Officer or Sergeant or Inspector or Admin;

    /// <summary>Roles that see every area rather than their own.</summary>
    public static bool IsForceWide(string role) => role is Compliance or Analyst or Admin;
}
