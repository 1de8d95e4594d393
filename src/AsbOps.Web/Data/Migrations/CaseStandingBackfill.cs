namespace AsbOps.Web.Data.Migrations;

/// <summary>
/// Fills the stored standing of every existing case and the screening time of every existing incident when the
/// <c>CaseStanding</c> migration adds them: the definitions of <see cref="Domain.Cases.CaseStanding"/> in SQL that
/// SQLite and PostgreSQL both accept (booleans as EXISTS and bare boolean columns). From then on the context's saves keep them.
/// </summary>
internal static class CaseStandingBackfill
{
    public const string Sql = """
        UPDATE "Cases" SET
            "HasUnassessedVictim" = EXISTS (
                SELECT 1 FROM "CaseParticipants" AS p WHERE p."CaseId" = "Cases"."Id" AND p."Role" = 'Victim'
                AND NOT EXISTS (SELECT 1 FROM "Assessments" AS a WHERE a."CaseId" = "Cases"."Id" AND a."CaseParticipantId" = p."Id"
                    AND a."IsCurrent" AND a."Status" = 'Complete')),
            "LacksVictimAndLocationAssessment" =
                NOT EXISTS (SELECT 1 FROM "CaseParticipants" AS p WHERE p."CaseId" = "Cases"."Id" AND p."Role" = 'Victim')
                AND NOT EXISTS (SELECT 1 FROM "Assessments" AS a WHERE a."CaseId" = "Cases"."Id" AND a."Kind" = 'Location'
                    AND a."IsCurrent" AND a."Status" = 'Complete'),
            "HasUnassessedPerpetrator" = EXISTS (
                SELECT 1 FROM "CaseParticipants" AS p WHERE p."CaseId" = "Cases"."Id" AND p."Role" = 'Perpetrator'
                AND NOT EXISTS (SELECT 1 FROM "Assessments" AS a WHERE a."CaseId" = "Cases"."Id" AND a."CaseParticipantId" = p."Id"
                    AND a."IsCurrent" AND a."Status" = 'Complete')),
            "UnknownAnswers" = COALESCE((SELECT SUM(a."UnknownCount") FROM "Assessments" AS a WHERE a."CaseId" = "Cases"."Id" AND a."IsCurrent"), 0),
            "HasActionPlan" = EXISTS (SELECT 1 FROM "ActionPlans" AS p WHERE p."CaseId" = "Cases"."Id");
        UPDATE "Incidents" SET "ScreenedAt" = (SELECT s."ScreenedAt" FROM "Screenings" AS s WHERE s."IncidentId" = "Incidents"."Id");
        """;
}
