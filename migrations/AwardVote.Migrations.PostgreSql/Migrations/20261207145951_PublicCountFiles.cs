using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PublicCountFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicCountFiles",
                table: "Cycles",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                // Existing cycles keep the default a new statute gets: ranked counts are public after publication.
                defaultValue: "RankedRounds");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicCountFiles",
                table: "Cycles");
        }
    }
}
