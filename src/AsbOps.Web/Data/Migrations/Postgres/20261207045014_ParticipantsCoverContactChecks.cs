using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParticipantsCoverContactChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseParticipants_CaseId_Role_RiskLevel",
                table: "CaseParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParticipants_CaseId_Role_RiskLevel",
                table: "CaseParticipants",
                columns: new[] { "CaseId", "Role", "RiskLevel" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "AddedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseParticipants_CaseId_Role_RiskLevel",
                table: "CaseParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParticipants_CaseId_Role_RiskLevel",
                table: "CaseParticipants",
                columns: new[] { "CaseId", "Role", "RiskLevel" });
        }
    }
}
