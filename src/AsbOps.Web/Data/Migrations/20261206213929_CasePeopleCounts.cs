using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CasePeopleCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "PerpetratorsHigh",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PerpetratorsLow",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PerpetratorsMedium",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PerpetratorsNotAssessed",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VictimsHigh",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VictimsLow",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VictimsMedium",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VictimsNotAssessed",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WitnessesHigh",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WitnessesLow",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WitnessesMedium",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WitnessesNotAssessed",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The new columns are worked out for the cases already stored before the index that carries them is rebuilt.
            migrationBuilder.Sql(CasePeopleCountsBackfill.Sql);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases",
                columns: new[] { "Status", "AreaId", "OpenedAt", "RiskLevel", "NextReviewDue", "LastReviewedAt", "HighRiskSince", "Reference", "HasUnassessedVictim", "LacksVictimAndLocationAssessment", "HasUnassessedPerpetrator", "UnknownAnswers", "HasActionPlan", "VictimsNotAssessed", "VictimsLow", "VictimsMedium", "VictimsHigh", "PerpetratorsNotAssessed", "PerpetratorsLow", "PerpetratorsMedium", "PerpetratorsHigh", "WitnessesNotAssessed", "WitnessesLow", "WitnessesMedium", "WitnessesHigh" },
                filter: "\"Status\" IN ('Open', 'UnderReview')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PerpetratorsHigh",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PerpetratorsLow",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PerpetratorsMedium",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PerpetratorsNotAssessed",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VictimsHigh",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VictimsLow",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VictimsMedium",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VictimsNotAssessed",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WitnessesHigh",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WitnessesLow",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WitnessesMedium",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WitnessesNotAssessed",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases",
                columns: new[] { "Status", "AreaId", "OpenedAt", "RiskLevel", "NextReviewDue", "LastReviewedAt", "HighRiskSince", "Reference", "HasUnassessedVictim", "LacksVictimAndLocationAssessment", "HasUnassessedPerpetrator", "UnknownAnswers", "HasActionPlan" },
                filter: "\"Status\" IN ('Open', 'UnderReview')");
        }
    }
}
