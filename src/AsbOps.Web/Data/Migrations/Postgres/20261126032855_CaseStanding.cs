using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseStanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_Unlinked",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases");

            migrationBuilder.AddColumn<DateTime>(
                name: "ScreenedAt",
                table: "Incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasActionPlan",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasUnassessedPerpetrator",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasUnassessedVictim",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LacksVictimAndLocationAssessment",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnknownAnswers",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The new columns are worked out for the rows already stored before their indexes are built.
            migrationBuilder.Sql(CaseStandingBackfill.Sql);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AwaitingScreening",
                table: "Incidents",
                columns: new[] { "CaseId", "ScreenedAt", "AreaId", "ReceivedAt" },
                filter: "\"CaseId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases",
                columns: new[] { "Status", "AreaId", "OpenedAt", "RiskLevel", "NextReviewDue", "LastReviewedAt", "HighRiskSince", "Reference", "HasUnassessedVictim", "LacksVictimAndLocationAssessment", "HasUnassessedPerpetrator", "UnknownAnswers", "HasActionPlan" },
                filter: "\"Status\" IN ('Open', 'UnderReview')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_AwaitingScreening",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ScreenedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HasActionPlan",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "HasUnassessedPerpetrator",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "HasUnassessedVictim",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LacksVictimAndLocationAssessment",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "UnknownAnswers",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Unlinked",
                table: "Incidents",
                columns: new[] { "CaseId", "AreaId", "ReceivedAt" },
                filter: "\"CaseId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases",
                columns: new[] { "Status", "AreaId", "OpenedAt", "RiskLevel", "NextReviewDue", "LastReviewedAt", "HighRiskSince", "Reference" },
                filter: "\"Status\" IN ('Open', 'UnderReview')");
        }
    }
}
