using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonRecordAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MergedAt",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RepeatVictim",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SafeguardingConcern",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Vulnerable",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisposedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionReviewDue",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NextReviewDue = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetentionDecisions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RetentionReviewDue",
                table: "Cases",
                column: "RetentionReviewDue");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionDecisions_CaseId_DecidedAt",
                table: "RetentionDecisions",
                columns: new[] { "CaseId", "DecidedAt" });

            // Cases closed before retention existed get their review date too, at the default six years after closing.
            migrationBuilder.Sql("""
                UPDATE "Cases" SET "RetentionReviewDue" = datetime("ClosedAt", '+6 years') WHERE "Status" = 'Closed' AND "ClosedAt" IS NOT NULL AND "RetentionReviewDue" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionDecisions");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Cases_RetentionReviewDue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MergedAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "RepeatVictim",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SafeguardingConcern",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Vulnerable",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DisposedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RetentionReviewDue",
                table: "Cases");
        }
    }
}
