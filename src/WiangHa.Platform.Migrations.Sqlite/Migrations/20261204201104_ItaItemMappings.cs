using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add ItaItemMappings --project src/WiangHa.Platform.Migrations.Sqlite --output-dir Migrations</c></remarks>
    public partial class ItaItemMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItaItemMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    FromCodes = table.Column<string>(type: "TEXT", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItaItemMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItaItemMappings_FromYear",
                table: "ItaItemMappings",
                column: "FromYear");

            migrationBuilder.CreateIndex(
                name: "IX_ItaItemMappings_ToYear_ToCode",
                table: "ItaItemMappings",
                columns: new[] { "ToYear", "ToCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItaItemMappings");
        }
    }
}
