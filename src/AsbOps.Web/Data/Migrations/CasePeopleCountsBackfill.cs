namespace AsbOps.Web.Data.Migrations;

/// <summary>
/// Fills the role × level counts of people (<see cref="Domain.Cases.CaseStanding.PeopleCounts"/>) of every existing case
/// when the <c>CasePeopleCounts</c> migration adds them at zero: one grouped pass over the participants and one UPDATE
/// of the cases that have any (a case with no one on it keeps its zeros), set-based so that it runs in seconds at scale
/// 100; in SQL that SQLite (3.33 and later: <c>UPDATE … FROM</c>) and PostgreSQL both accept. RiskLevel is stored as its
/// number (0 not assessed … 3 high), roles as words. From then on the context's saves keep the counts.
/// </summary>
internal static class CasePeopleCountsBackfill
{
    public const string Sql = """
        UPDATE "Cases" SET
            "VictimsNotAssessed" = t."VictimsNotAssessed",
            "VictimsLow" = t."VictimsLow",
            "VictimsMedium" = t."VictimsMedium",
            "VictimsHigh" = t."VictimsHigh",
            "PerpetratorsNotAssessed" = t."PerpetratorsNotAssessed",
            "PerpetratorsLow" = t."PerpetratorsLow",
            "PerpetratorsMedium" = t."PerpetratorsMedium",
            "PerpetratorsHigh" = t."PerpetratorsHigh",
            "WitnessesNotAssessed" = t."WitnessesNotAssessed",
            "WitnessesLow" = t."WitnessesLow",
            "WitnessesMedium" = t."WitnessesMedium",
            "WitnessesHigh" = t."WitnessesHigh"
        FROM (
            SELECT p."CaseId",
                SUM(CASE WHEN p."Role" = 'Victim' AND p."RiskLevel" = 0 THEN 1 ELSE 0 END) AS "VictimsNotAssessed",
                SUM(CASE WHEN p."Role" = 'Victim' AND p."RiskLevel" = 1 THEN 1 ELSE 0 END) AS "VictimsLow",
                SUM(CASE WHEN p."Role" = 'Victim' AND p."RiskLevel" = 2 THEN 1 ELSE 0 END) AS "VictimsMedium",
                SUM(CASE WHEN p."Role" = 'Victim' AND p."RiskLevel" = 3 THEN 1 ELSE 0 END) AS "VictimsHigh",
                SUM(CASE WHEN p."Role" = 'Perpetrator' AND p."RiskLevel" = 0 THEN 1 ELSE 0 END) AS "PerpetratorsNotAssessed",
                SUM(CASE WHEN p."Role" = 'Perpetrator' AND p."RiskLevel" = 1 THEN 1 ELSE 0 END) AS "PerpetratorsLow",
                SUM(CASE WHEN p."Role" = 'Perpetrator' AND p."RiskLevel" = 2 THEN 1 ELSE 0 END) AS "PerpetratorsMedium",
                SUM(CASE WHEN p."Role" = 'Perpetrator' AND p."RiskLevel" = 3 THEN 1 ELSE 0 END) AS "PerpetratorsHigh",
                SUM(CASE WHEN p."Role" = 'Witness' AND p."RiskLevel" = 0 THEN 1 ELSE 0 END) AS "WitnessesNotAssessed",
                SUM(CASE WHEN p."Role" = 'Witness' AND p."RiskLevel" = 1 THEN 1 ELSE 0 END) AS "WitnessesLow",
                SUM(CASE WHEN p."Role" = 'Witness' AND p."RiskLevel" = 2 THEN 1 ELSE 0 END) AS "WitnessesMedium",
                SUM(CASE WHEN p."Role" = 'Witness' AND p."RiskLevel" = 3 THEN 1 ELSE 0 END) AS "WitnessesHigh"
            FROM "CaseParticipants" AS p
            GROUP BY p."CaseId") AS t
        WHERE t."CaseId" = "Cases"."Id";
        """;
}
