using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WiangHa.Platform.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <remarks><c>dotnet ef migrations add EvidenceTitleOptional --project src/WiangHa.Platform.Migrations.PostgreSql --output-dir Migrations</c></remarks>
    public partial class EvidenceTitleOptional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "EvidenceLinks",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "EvidenceLinks",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);
        }
    }
}
