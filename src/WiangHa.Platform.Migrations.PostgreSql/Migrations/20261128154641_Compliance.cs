using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using WiangHa.Platform.Migrations.PostgreSql.Quartz;

#nullable disable

namespace WiangHa.Platform.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItaManuals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItaManuals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ItemDisclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentYear = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Answer = table.Column<int>(type: "integer", nullable: false),
                    Urls = table.Column<List<string>>(type: "text[]", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemDisclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemDisclosures_Organisations_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FinalUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    YearsMentioned = table.Column<List<int>>(type: "integer[]", nullable: false),
                    IsText = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkChecks_Organisations_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItaManualVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ManualId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItaManualVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItaManualVersions_ItaManuals_ManualId",
                        column: x => x.ManualId,
                        principalTable: "ItaManuals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManualVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentYear = table.Column<int>(type: "integer", nullable: false),
                    ManualVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Slot = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Passes = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Applicable = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplianceRuns_ItaManualVersions_ManualVersionId",
                        column: x => x.ManualVersionId,
                        principalTable: "ItaManualVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplianceRuns_Organisations_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentYear = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplianceResults_ComplianceRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ComplianceRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceResults_RunId",
                table: "ComplianceResults",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceResults_TenantId",
                table: "ComplianceResults",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceResults_TenantId_AssessmentYear_ItemCode_CheckedAt",
                table: "ComplianceResults",
                columns: new[] { "TenantId", "AssessmentYear", "ItemCode", "CheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceRuns_ManualVersionId",
                table: "ComplianceRuns",
                column: "ManualVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceRuns_TenantId",
                table: "ComplianceRuns",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceRuns_TenantId_AssessmentYear_QueuedAt",
                table: "ComplianceRuns",
                columns: new[] { "TenantId", "AssessmentYear", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceRuns_TenantId_ManualVersionId_Slot",
                table: "ComplianceRuns",
                columns: new[] { "TenantId", "ManualVersionId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItaManuals_Year",
                table: "ItaManuals",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItaManualVersions_ManualId_Number",
                table: "ItaManualVersions",
                columns: new[] { "ManualId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItaManualVersions_Year_Status",
                table: "ItaManualVersions",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemDisclosures_TenantId",
                table: "ItemDisclosures",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemDisclosures_TenantId_AssessmentYear_ItemCode",
                table: "ItemDisclosures",
                columns: new[] { "TenantId", "AssessmentYear", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkChecks_TenantId",
                table: "LinkChecks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkChecks_TenantId_Url",
                table: "LinkChecks",
                columns: new[] { "TenantId", "Url" },
                unique: true);

            // Quartz.NET job store (scheduling of the compliance jobs).
            foreach (var statement in QuartzSchema.Create)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
            }

            migrationBuilder.DropTable(
                name: "ComplianceResults");

            migrationBuilder.DropTable(
                name: "ItemDisclosures");

            migrationBuilder.DropTable(
                name: "LinkChecks");

            migrationBuilder.DropTable(
                name: "ComplianceRuns");

            migrationBuilder.DropTable(
                name: "ItaManualVersions");

            migrationBuilder.DropTable(
                name: "ItaManuals");
        }
    }
}
