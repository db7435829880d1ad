using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ErasedJurorsKeepBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conflicts_AspNetUsers_JurorUserId",
                table: "Conflicts");

            migrationBuilder.DropForeignKey(
                name: "FK_RankedBallots_AspNetUsers_JurorUserId",
                table: "RankedBallots");

            migrationBuilder.DropForeignKey(
                name: "FK_ScoreBallots_AspNetUsers_JurorUserId",
                table: "ScoreBallots");

            migrationBuilder.DropIndex(
                name: "IX_ScoreBallots_JurorUserId",
                table: "ScoreBallots");

            migrationBuilder.DropIndex(
                name: "IX_RankedBallots_JurorUserId",
                table: "RankedBallots");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ScoreBallots_JurorUserId",
                table: "ScoreBallots",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RankedBallots_JurorUserId",
                table: "RankedBallots",
                column: "JurorUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Conflicts_AspNetUsers_JurorUserId",
                table: "Conflicts",
                column: "JurorUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RankedBallots_AspNetUsers_JurorUserId",
                table: "RankedBallots",
                column: "JurorUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ScoreBallots_AspNetUsers_JurorUserId",
                table: "ScoreBallots",
                column: "JurorUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
