using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StormRefKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_StormRef",
                table: "Incidents");

            migrationBuilder.AddColumn<string>(
                name: "StormRefKey",
                table: "Incidents",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            // Existing references get their key; where two already differ only by case, the earliest keeps the plain
            // key and each later one gets '#' and its id, so the unique index can be built on any existing data. One
            // grouping, not a subquery per row on upper(), which compared every pair (hours on 177,000 incidents).
            migrationBuilder.Sql("""UPDATE "Incidents" SET "StormRefKey" = upper("StormRef");""");
            migrationBuilder.Sql("""
                UPDATE "Incidents" SET "StormRefKey" = "StormRefKey" || '#' || "Id"
                WHERE "Id" NOT IN (SELECT min("Id") FROM "Incidents" GROUP BY "StormRefKey");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_StormRef",
                table: "Incidents",
                column: "StormRef");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_StormRefKey",
                table: "Incidents",
                column: "StormRefKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_StormRef",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_StormRefKey",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "StormRefKey",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_StormRef",
                table: "Incidents",
                column: "StormRef",
                unique: true);
        }
    }
}
