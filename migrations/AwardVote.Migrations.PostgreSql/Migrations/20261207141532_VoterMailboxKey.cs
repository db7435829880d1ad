using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VoterMailboxKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VoteRequests_CycleId_VoterEmail_RequestedAt",
                table: "VoteRequests");

            migrationBuilder.DropIndex(
                name: "IX_PeoplesChoiceVotes_CycleId_AllowanceKey_VoterEmail",
                table: "PeoplesChoiceVotes");

            migrationBuilder.AddColumn<string>(
                name: "VoterKey",
                table: "VoteRequests",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Addresses",
                table: "VoteAlerts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoterKey",
                table: "PeoplesChoiceVotes",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            // Votes and requests stored before the mailbox key keep the key they were made under (the upper-cased
            // address, which was unique per cycle and allowance): no stored vote changes or collides. New ones get
            // VoterAddress.Canonical.
            migrationBuilder.Sql("UPDATE \"VoteRequests\" SET \"VoterKey\" = \"VoterEmail\";");
            migrationBuilder.Sql("UPDATE \"PeoplesChoiceVotes\" SET \"VoterKey\" = \"VoterEmail\";");

            migrationBuilder.CreateIndex(
                name: "IX_VoteRequests_CycleId_VoterKey_RequestedAt",
                table: "VoteRequests",
                columns: new[] { "CycleId", "VoterKey", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PeoplesChoiceVotes_CycleId_AllowanceKey_VoterKey",
                table: "PeoplesChoiceVotes",
                columns: new[] { "CycleId", "AllowanceKey", "VoterKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VoteRequests_CycleId_VoterKey_RequestedAt",
                table: "VoteRequests");

            migrationBuilder.DropIndex(
                name: "IX_PeoplesChoiceVotes_CycleId_AllowanceKey_VoterKey",
                table: "PeoplesChoiceVotes");

            migrationBuilder.DropColumn(
                name: "VoterKey",
                table: "VoteRequests");

            migrationBuilder.DropColumn(
                name: "Addresses",
                table: "VoteAlerts");

            migrationBuilder.DropColumn(
                name: "VoterKey",
                table: "PeoplesChoiceVotes");

            migrationBuilder.CreateIndex(
                name: "IX_VoteRequests_CycleId_VoterEmail_RequestedAt",
                table: "VoteRequests",
                columns: new[] { "CycleId", "VoterEmail", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PeoplesChoiceVotes_CycleId_AllowanceKey_VoterEmail",
                table: "PeoplesChoiceVotes",
                columns: new[] { "CycleId", "AllowanceKey", "VoterEmail" },
                unique: true);
        }
    }
}
