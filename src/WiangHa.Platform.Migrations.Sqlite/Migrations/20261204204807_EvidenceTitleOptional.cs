using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add EvidenceTitleOptional --project src/WiangHa.Platform.Migrations.Sqlite --output-dir Migrations</c></remarks>
    public partial class EvidenceTitleOptional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "EvidenceLinks",
                type: "TEXT",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 300);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "EvidenceLinks",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 300,
                oldNullable: true);
        }
    }
}
