using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LibraryNameForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameAccusative",
                table: "Libraries",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameDative",
                table: "Libraries",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameGenitive",
                table: "Libraries",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameLocative",
                table: "Libraries",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameAccusative",
                table: "Libraries");

            migrationBuilder.DropColumn(
                name: "NameDative",
                table: "Libraries");

            migrationBuilder.DropColumn(
                name: "NameGenitive",
                table: "Libraries");

            migrationBuilder.DropColumn(
                name: "NameLocative",
                table: "Libraries");
        }
    }
}
