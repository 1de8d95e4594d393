using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobsSnapshotWeeksAndAreaTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IsoWeek",
                table: "ComplianceSnapshots",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComplianceAreaTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenCases = table.Column<int>(type: "INTEGER", nullable: false),
                    HighRiskCases = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingAssessments = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueReviews = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceAreaTotals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplianceAreaTotals_ComplianceSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "ComplianceSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceSnapshots_IsoWeek",
                table: "ComplianceSnapshots",
                column: "IsoWeek",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceAreaTotals_SnapshotId_AreaId",
                table: "ComplianceAreaTotals",
                columns: new[] { "SnapshotId", "AreaId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceAreaTotals");

            migrationBuilder.DropIndex(
                name: "IX_ComplianceSnapshots_IsoWeek",
                table: "ComplianceSnapshots");

            migrationBuilder.DropColumn(
                name: "IsoWeek",
                table: "ComplianceSnapshots");
        }
    }
}
