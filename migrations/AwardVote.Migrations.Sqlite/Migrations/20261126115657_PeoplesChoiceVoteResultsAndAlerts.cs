using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeoplesChoiceVoteResultsAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VoteRequests_CycleId_VoterEmail",
                table: "VoteRequests");

            migrationBuilder.AddColumn<bool>(
                name: "FromDisposableDomain",
                table: "VoteRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PeoplesChoiceResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Votes = table.Column<long>(type: "INTEGER", nullable: false),
                    BallotFile = table.Column<string>(type: "TEXT", nullable: false),
                    BallotFileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtocolJson = table.Column<string>(type: "TEXT", nullable: false),
                    CountedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeoplesChoiceResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeoplesChoiceResults_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeoplesChoiceResults_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoteAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteAlerts_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoteRequests_CycleId_RequestedAt",
                table: "VoteRequests",
                columns: new[] { "CycleId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VoteRequests_CycleId_VoterEmail_RequestedAt",
                table: "VoteRequests",
                columns: new[] { "CycleId", "VoterEmail", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PeoplesChoiceResults_CategoryId",
                table: "PeoplesChoiceResults",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_PeoplesChoiceResults_CycleId_CategoryId",
                table: "PeoplesChoiceResults",
                columns: new[] { "CycleId", "CategoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteAlerts_CycleId_Kind_Subject_WindowStart",
                table: "VoteAlerts",
                columns: new[] { "CycleId", "Kind", "Subject", "WindowStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeoplesChoiceResults");

            migrationBuilder.DropTable(
                name: "VoteAlerts");

            migrationBuilder.DropIndex(
                name: "IX_VoteRequests_CycleId_RequestedAt",
                table: "VoteRequests");

            migrationBuilder.DropIndex(
                name: "IX_VoteRequests_CycleId_VoterEmail_RequestedAt",
                table: "VoteRequests");

            migrationBuilder.DropColumn(
                name: "FromDisposableDomain",
                table: "VoteRequests");

            migrationBuilder.CreateIndex(
                name: "IX_VoteRequests_CycleId_VoterEmail",
                table: "VoteRequests",
                columns: new[] { "CycleId", "VoterEmail" });
        }
    }
}
