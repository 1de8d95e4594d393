namespace AsbOps.Web.Data.Migrations;

/// <summary>
/// Fills the search text of every existing case when the <c>CaseSearchText</c> migration adds it, with the SQL that
/// keeps it from then on (<see cref="CaseSearchTextRefresh"/>).
/// </summary>
internal static class CaseSearchTextBackfill
{
    public static string Sql(bool postgres) => CaseSearchTextRefresh.UpdateAll(postgres) + ";";
}
