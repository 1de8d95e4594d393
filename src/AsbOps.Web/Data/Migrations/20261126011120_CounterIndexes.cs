using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CounterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseParticipants_CaseId_Role",
                table: "CaseParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CaseId_IsCurrent_Kind",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CaseParticipantId_IsCurrent",
                table: "Assessments");

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

            migrationBuilder.CreateIndex(
                name: "IX_CaseParticipants_CaseId_Role_RiskLevel",
                table: "CaseParticipants",
                columns: new[] { "CaseId", "Role", "RiskLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CaseId_IsCurrent_Kind_Status_UnknownCount",
                table: "Assessments",
                columns: new[] { "CaseId", "IsCurrent", "Kind", "Status", "UnknownCount" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CaseParticipantId_IsCurrent_Status_CaseId",
                table: "Assessments",
                columns: new[] { "CaseParticipantId", "IsCurrent", "Status", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_Unlinked",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenCounters",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseParticipants_CaseId_Role_RiskLevel",
                table: "CaseParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CaseId_IsCurrent_Kind_Status_UnknownCount",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CaseParticipantId_IsCurrent_Status_CaseId",
                table: "Assessments");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParticipants_CaseId_Role",
                table: "CaseParticipants",
                columns: new[] { "CaseId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CaseId_IsCurrent_Kind",
                table: "Assessments",
                columns: new[] { "CaseId", "IsCurrent", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CaseParticipantId_IsCurrent",
                table: "Assessments",
                columns: new[] { "CaseParticipantId", "IsCurrent" });
        }
    }
}
