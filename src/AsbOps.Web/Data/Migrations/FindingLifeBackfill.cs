namespace AsbOps.Web.Data.Migrations;

/// <summary>
/// Builds the lives of findings (<c>FindingLives</c>) from the snapshots that still hold their findings (every weekly
/// check, and the sweeps of the last day): each unbroken run of snapshots finding the same case breaking the same rule
/// is one life, first seen at the run's first snapshot and put right at the next snapshot after it, or still open when
/// the run reaches the newest. Snapshots whose findings were pruned are left out, so a pruned sweep does not look like
/// everything put right. History does not tell people apart: these lives are about the case as a whole, and the first
/// sweep after hands each to one of the people it finds. A gaps-and-islands query in SQL that SQLite and PostgreSQL
/// both accept; it runs when the migration adds the table, and again after the demo force writes its history.
/// </summary>
public static class FindingLifeBackfill
{
    public const string Sql = """
        INSERT INTO "FindingLives" ("CaseId", "AreaId", "Rule", "ParticipantId", "FirstSeenAt", "LastSeenAt", "PutRightAt", "OwnerUserId")
        WITH held AS (
            SELECT s."Id", s."TakenAt", ROW_NUMBER() OVER (ORDER BY s."TakenAt", s."Id") AS "N"
            FROM "ComplianceSnapshots" AS s
            WHERE EXISTS (SELECT 1 FROM "ComplianceFindings" AS f WHERE f."SnapshotId" = s."Id")
        ),
        hits AS (
            SELECT DISTINCT f."CaseId", f."Rule", h."TakenAt", h."N"
            FROM "ComplianceFindings" AS f JOIN held AS h ON h."Id" = f."SnapshotId"
        ),
        runs AS (
            SELECT "CaseId", "Rule", "TakenAt", "N", "N" - ROW_NUMBER() OVER (PARTITION BY "CaseId", "Rule" ORDER BY "N") AS "Run"
            FROM hits
        ),
        lives AS (
            SELECT "CaseId", "Rule", MIN("TakenAt") AS "FirstSeenAt", MAX("TakenAt") AS "LastSeenAt", MAX("N") AS "LastN"
            FROM runs GROUP BY "CaseId", "Rule", "Run"
        )
        SELECT l."CaseId", c."AreaId", l."Rule", 0, l."FirstSeenAt", l."LastSeenAt",
            (SELECT h."TakenAt" FROM held AS h WHERE h."N" = l."LastN" + 1), c."LeadOfficerId"
        FROM lives AS l JOIN "Cases" AS c ON c."Id" = l."CaseId"
        ORDER BY l."FirstSeenAt", l."CaseId", l."Rule";
        """;
}
