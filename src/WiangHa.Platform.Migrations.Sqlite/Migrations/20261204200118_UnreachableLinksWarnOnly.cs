using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add UnreachableLinksWarnOnly --project src/WiangHa.Platform.Migrations.Sqlite --output-dir Migrations</c></remarks>
    public partial class UnreachableLinksWarnOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "UnreachableLinksWarnOnly",
                table: "ItaManuals",
                type: "INTEGER",
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
