using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.SqlServer.Migrations
{
    /// <summary>Keeps the period as the imported document wrote it, beside the parsed range (issue 13).</summary>
    /// <remarks><c>dotnet ef migrations add MeasurePeriodText --project src/WiangHa.Platform.Migrations.SqlServer --output-dir Migrations -c PlatformDbContext</c></remarks>
    public partial class MeasurePeriodText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PeriodText",
                table: "Measures",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PeriodText",
                table: "Measures");
        }
    }
}
