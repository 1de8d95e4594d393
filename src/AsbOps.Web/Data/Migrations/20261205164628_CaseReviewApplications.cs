using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsbOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseReviewApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseReviewApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApplicantKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedVia = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ThresholdOverride = table.Column<bool>(type: "INTEGER", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverriddenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OverriddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ThresholdMet = table.Column<bool>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewHeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgenciesPresent = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OutcomeLetter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OutcomeToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AppealReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AppealDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextStepDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviewApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviewApplications_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseReviewApplications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviewPrompts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviewPrompts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviewPrompts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReviewPrompts_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviewRecommendations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionItemId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviewRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviewRecommendations_ActionItems_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "ActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReviewRecommendations_CaseReviewApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CaseReviewApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviewReliedReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviewReliedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviewReliedReports_CaseReviewApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CaseReviewApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReviewReliedReports_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewApplications_ApplicantReference",
                table: "CaseReviewApplications",
                column: "ApplicantReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewApplications_AreaId_NextStepDueOn",
                table: "CaseReviewApplications",
                columns: new[] { "AreaId", "NextStepDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewApplications_CaseId",
                table: "CaseReviewApplications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewApplications_NextStepDueOn",
                table: "CaseReviewApplications",
                column: "NextStepDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewApplications_ReceivedAt",
                table: "CaseReviewApplications",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewApplications_Reference",
                table: "CaseReviewApplications",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewPrompts_CaseId_IncidentId",
                table: "CaseReviewPrompts",
                columns: new[] { "CaseId", "IncidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewPrompts_IncidentId",
                table: "CaseReviewPrompts",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewRecommendations_ActionItemId",
                table: "CaseReviewRecommendations",
                column: "ActionItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewRecommendations_ApplicationId",
                table: "CaseReviewRecommendations",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewReliedReports_ApplicationId_IncidentId",
                table: "CaseReviewReliedReports",
                columns: new[] { "ApplicationId", "IncidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewReliedReports_IncidentId",
                table: "CaseReviewReliedReports",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseReviewPrompts");

            migrationBuilder.DropTable(
                name: "CaseReviewRecommendations");

            migrationBuilder.DropTable(
                name: "CaseReviewReliedReports");

            migrationBuilder.DropTable(
                name: "CaseReviewApplications");
        }
    }
}
