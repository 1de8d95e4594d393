using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenCasesByOpenedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByOpenedAt",
                table: "Cases",
                columns: new[] { "OpenedAt", "HasUnassessedVictim", "LacksVictimAndLocationAssessment", "HasUnassessedPerpetrator", "Reference", "Id" },
                filter: "\"Status\" IN ('Open', 'UnderReview')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByOpenedAt",
                table: "Cases");
        }
    }
}
