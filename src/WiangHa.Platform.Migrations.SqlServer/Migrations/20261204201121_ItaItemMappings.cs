using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add ItaItemMappings --project src/WiangHa.Platform.Migrations.SqlServer --output-dir Migrations</c></remarks>
    public partial class ItaItemMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItaItemMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: false),
                    FromCodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ToYear = table.Column<int>(type: "int", nullable: false),
                    ToCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Confirmed = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
