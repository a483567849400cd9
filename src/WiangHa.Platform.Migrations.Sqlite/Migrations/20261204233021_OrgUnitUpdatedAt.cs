using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.Sqlite.Migrations
{
    /// <summary>When a unit was last saved, for integrators' syncs (issue 15).</summary>
    /// <remarks><c>dotnet ef migrations add OrgUnitUpdatedAt --project src/WiangHa.Platform.Migrations.Sqlite --output-dir Migrations -c PlatformDbContext</c></remarks>
    public partial class OrgUnitUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "OrgUnits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "OrgUnits");
        }
    }
}
