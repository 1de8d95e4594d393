using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByNextReviewDue",
                table: "Cases",
                columns: new[] { "NextReviewDue", "AreaId", "Reference", "LastReviewedAt", "OpenedAt", "RiskLevel" },
                filter: "\"Status\" IN ('Open', 'UnderReview') AND \"NextReviewDue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenWithoutReviewDate",
                table: "Cases",
                columns: new[] { "OpenedAt", "AreaId", "Reference", "LastReviewedAt", "RiskLevel" },
                filter: "\"Status\" IN ('Open', 'UnderReview') AND \"NextReviewDue\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CurrentWithUnknowns",
                table: "Assessments",
                columns: new[] { "CreatedAt", "CaseId", "Kind", "UnknownCount" },
                filter: "\"IsCurrent\" AND \"UnknownCount\" > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByNextReviewDue",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenWithoutReviewDate",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CurrentWithUnknowns",
                table: "Assessments");
        }
    }
}
