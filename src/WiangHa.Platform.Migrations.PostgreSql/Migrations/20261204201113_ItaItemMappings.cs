using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add ItaItemMappings --project src/WiangHa.Platform.Migrations.PostgreSql --output-dir Migrations</c></remarks>
    public partial class ItaItemMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItaItemMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    FromCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    ToCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
