using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RepeatBallot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RepeatOfRoundId",
                table: "Rounds",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_RepeatOfRoundId",
                table: "Rounds",
                column: "RepeatOfRoundId");

            migrationBuilder.AddForeignKey(
                name: "FK_Rounds_Rounds_RepeatOfRoundId",
                table: "Rounds",
                column: "RepeatOfRoundId",
                principalTable: "Rounds",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Rounds_Rounds_RepeatOfRoundId",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_RepeatOfRoundId",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "RepeatOfRoundId",
                table: "Rounds");
        }
    }
}
