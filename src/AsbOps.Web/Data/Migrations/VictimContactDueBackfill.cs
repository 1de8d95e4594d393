namespace AsbOps.Web.Data.Migrations;

/// <summary>
/// Fills <see cref="Domain.Cases.AsbCase.FirstVictimContactDue"/> of every existing case with a victim when the
/// <c>CaseVictimContactDue</c> migration adds it: one grouped pass over the victims and their plans and one UPDATE,
/// set-based. The date arithmetic is each database's own, written as EF Core writes <c>DateTime.AddDays</c> there (on
/// SQLite, strftime's text with the trailing zeros trimmed), so that the saves' refresh later finds nothing to change.
/// Contact intervals as <see cref="Domain.CaseRecord.ContactSchedule"/>: high 7 days, medium 14, otherwise 28.
/// </summary>
internal static class VictimContactDueBackfill
{
    public const string Sqlite = """
        UPDATE "Cases" SET "FirstVictimContactDue" = t."Due"
        FROM (
            SELECT p."CaseId", MIN(COALESCE(v."NextContactDue", CASE
                WHEN p."RiskLevel" = 3 THEN rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', p."AddedAt", '+7 days'), '0'), '.')
                WHEN p."RiskLevel" = 2 THEN rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', p."AddedAt", '+14 days'), '0'), '.')
                ELSE rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', p."AddedAt", '+28 days'), '0'), '.') END)) AS "Due"
            FROM "CaseParticipants" AS p
            LEFT JOIN "VictimContactPlans" AS v ON v."CaseParticipantId" = p."Id"
            WHERE p."Role" = 'Victim'
            GROUP BY p."CaseId") AS t
        WHERE t."CaseId" = "Cases"."Id";
        """;

    public const string Postgres = """
        UPDATE "Cases" SET "FirstVictimContactDue" = t."Due"
        FROM (
            SELECT p."CaseId", MIN(COALESCE(v."NextContactDue", CASE
                WHEN p."RiskLevel" = 3 THEN p."AddedAt" + INTERVAL '7 days'
                WHEN p."RiskLevel" = 2 THEN p."AddedAt" + INTERVAL '14 days'
                ELSE p."AddedAt" + INTERVAL '28 days' END)) AS "Due"
            FROM "CaseParticipants" AS p
            LEFT JOIN "VictimContactPlans" AS v ON v."CaseParticipantId" = p."Id"
            WHERE p."Role" = 'Victim'
            GROUP BY p."CaseId") AS t
        WHERE t."CaseId" = "Cases"."Id";
        """;
}
