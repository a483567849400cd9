using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add UnreachableLinksWarnOnly --project src/WiangHa.Platform.Migrations.PostgreSql --output-dir Migrations</c></remarks>
    public partial class UnreachableLinksWarnOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "UnreachableLinksWarnOnly",
                table: "ItaManuals",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnreachableLinksWarnOnly",
                table: "ItaManuals");
        }
    }
}
