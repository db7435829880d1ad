using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class JurorsNeedSecondFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "JurorsNeedSecondFactor",
                table: "Cycles",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JurorsNeedSecondFactor",
                table: "Cycles");
        }
    }
}
