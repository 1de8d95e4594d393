using AsbOps.Web.Security;

namespace AsbOps.Web.Security;

/// <summary>
/// Who may change a case's people and assessments (officers, sergeants and inspectors of its area, and admins), and
/// who may decide a lowered level. Partners, analysts and compliance officers read only.
/// </summary>
public static class CaseEditors
{
    public const string Roles = "officer,sergeant,inspector,admin";

    public const string Approvers = "sergeant,inspector,admin";

    public static bool CanEdit(UserScope user) =>
        user.Role is Security.Roles.Officer or Security.Roles.Sergeant or Security.Roles.Inspector or Security.Roles.Admin;

    public static bool CanApprove(UserScope user) =>
        user.Role is Security.Roles.Sergeant or Security.Roles.Inspector or Security.Roles.Admin;
}
