using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FindingLives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FindingLives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ParticipantId = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PutRightAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingLives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingLives_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingChases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingLifeId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingChases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingChases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingChases_FindingLives_FindingLifeId",
                        column: x => x.FindingLifeId,
                        principalTable: "FindingLives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingChases_CaseId",
                table: "FindingChases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingChases_FindingLifeId_Step",
                table: "FindingChases",
                columns: new[] { "FindingLifeId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingLives_Open",
                table: "FindingLives",
                columns: new[] { "CaseId", "Rule", "ParticipantId" },
                unique: true,
                filter: "\"PutRightAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FindingLives_OwnerUserId",
                table: "FindingLives",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingLives_PutRightAt_FirstSeenAt",
                table: "FindingLives",
                columns: new[] { "PutRightAt", "FirstSeenAt" });
            migrationBuilder.Sql(FindingLifeBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingChases");

            migrationBuilder.DropTable(
                name: "FindingLives");
        }
    }
}
