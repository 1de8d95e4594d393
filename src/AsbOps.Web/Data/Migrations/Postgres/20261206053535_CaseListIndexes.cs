using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AreaId_Status_RiskLevel",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AreaId_OpenedAt_Id",
                table: "Cases",
                columns: new[] { "AreaId", "OpenedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AreaId_Status_RiskLevel_OpenedAt_Id",
                table: "Cases",
                columns: new[] { "AreaId", "Status", "RiskLevel", "OpenedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AreaId_OpenedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AreaId_Status_RiskLevel_OpenedAt_Id",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AreaId_Status_RiskLevel",
                table: "Cases",
                columns: new[] { "AreaId", "Status", "RiskLevel" });
        }
    }
}
