using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AwardVote.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CastingVote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CastingVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundResultId = table.Column<int>(type: "integer", nullable: false),
                    ChosenName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ChosenNominationId = table.Column<int>(type: "integer", nullable: false),
                    ChairUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CastingVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CastingVotes_Nominations_ChosenNominationId",
                        column: x => x.ChosenNominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CastingVotes_RoundResults_RoundResultId",
                        column: x => x.RoundResultId,
                        principalTable: "RoundResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CastingVotes_ChosenNominationId",
                table: "CastingVotes",
                column: "ChosenNominationId");

            migrationBuilder.CreateIndex(
                name: "IX_CastingVotes_RoundResultId",
                table: "CastingVotes",
                column: "RoundResultId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CastingVotes");
        }
    }
}
