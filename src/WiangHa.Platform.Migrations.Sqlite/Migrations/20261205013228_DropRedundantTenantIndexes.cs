using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.Sqlite.Migrations
{
    /// <summary>Drops ten indexes that another index starting with TenantId already covers (issue 16: a lighter nightly write).</summary>
    /// <remarks><c>dotnet ef migrations add DropRedundantTenantIndexes --project src/WiangHa.Platform.Migrations.Sqlite --output-dir Migrations -c PlatformDbContext</c></remarks>
    public partial class DropRedundantTenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportPublications_TenantId",
                table: "ReportPublications");

            migrationBuilder.DropIndex(
                name: "IX_OrgUnits_TenantId",
                table: "OrgUnits");

            migrationBuilder.DropIndex(
                name: "IX_Measures_TenantId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_LinkChecks_TenantId",
                table: "LinkChecks");

            migrationBuilder.DropIndex(
                name: "IX_ItemDisclosures_TenantId",
                table: "ItemDisclosures");

            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_TenantId",
                table: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_ComplianceRuns_TenantId",
                table: "ComplianceRuns");

            migrationBuilder.DropIndex(
                name: "IX_ComplianceRuns_TenantId_AssessmentYear_QueuedAt",
                table: "ComplianceRuns");

            migrationBuilder.DropIndex(
                name: "IX_ComplianceResults_TenantId",
                table: "ComplianceResults");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentAnalyses_TenantId",
                table: "AssessmentAnalyses");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReportPublications_TenantId",
                table: "ReportPublications",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_TenantId",
                table: "OrgUnits",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_TenantId",
                table: "Measures",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkChecks_TenantId",
                table: "LinkChecks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemDisclosures_TenantId",
                table: "ItemDisclosures",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_TenantId",
                table: "ImportBatches",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceRuns_TenantId",
                table: "ComplianceRuns",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceRuns_TenantId_AssessmentYear_QueuedAt",
                table: "ComplianceRuns",
                columns: new[] { "TenantId", "AssessmentYear", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceResults_TenantId",
                table: "ComplianceResults",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAnalyses_TenantId",
                table: "AssessmentAnalyses",
                column: "TenantId");
        }
    }
}
