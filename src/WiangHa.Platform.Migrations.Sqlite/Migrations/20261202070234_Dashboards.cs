using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DlaCode",
                table: "Organisations",
                type: "TEXT",
                unicode: false,
                maxLength: 7,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LaoStandings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 4, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManualVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Passes = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Applicable = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    FailingItems = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false),
                    WarningItems = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false),
                    MeasuresCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasuresInProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasuresLate = table.Column<int>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaoStandings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaoStandings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvinceDayFigures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    AssessmentYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Onboarded = table.Column<int>(type: "INTEGER", nullable: false),
                    Checked = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    AtPassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRisk = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceDayFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisteredLaos",
                columns: table => new
                {
                    DlaCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 4, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisteredLaos", x => x.DlaCode);
                    table.ForeignKey(
                        name: "FK_RegisteredLaos_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegisteredLaos_Provinces_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "Provinces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_DlaCode",
                table: "Organisations",
                column: "DlaCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LaoStandings_AssessmentYear_ProvinceCode",
                table: "LaoStandings",
                columns: new[] { "AssessmentYear", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_LaoStandings_OrganisationId_AssessmentYear",
                table: "LaoStandings",
                columns: new[] { "OrganisationId", "AssessmentYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceDayFigures_AssessmentYear_ProvinceCode_Day",
                table: "ProvinceDayFigures",
                columns: new[] { "AssessmentYear", "ProvinceCode", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredLaos_DistrictCode",
                table: "RegisteredLaos",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredLaos_ProvinceCode",
                table: "RegisteredLaos",
                column: "ProvinceCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LaoStandings");

            migrationBuilder.DropTable(
                name: "ProvinceDayFigures");

            migrationBuilder.DropTable(
                name: "RegisteredLaos");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_DlaCode",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DlaCode",
                table: "Organisations");
        }
    }
}
