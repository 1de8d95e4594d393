using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseVictimContactDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstVictimContactDue",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            // The new column is worked out for the cases already stored before its index is built.
            migrationBuilder.Sql(VictimContactDueBackfill.Postgres);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByVictimContactDue",
                table: "Cases",
                columns: new[] { "FirstVictimContactDue", "AreaId", "Id" },
                filter: "\"Status\" IN ('Open', 'UnderReview')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByVictimContactDue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstVictimContactDue",
                table: "Cases");
        }
    }
}
