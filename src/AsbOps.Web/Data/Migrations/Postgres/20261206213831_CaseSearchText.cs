using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Cases",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Filled before the index is made, so that the index is built once rather than updated row by row.
            migrationBuilder.Sql(CaseSearchTextBackfill.Sql(postgres: true));

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SearchText",
                table: "Cases",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_SearchText",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Cases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
