using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AwardVote.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PublishAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Publications_CycleId_CategoryId",
                table: "Publications");

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "Publications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNoteEn",
                table: "Publications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Publications",
                type: "integer",
                nullable: false,
                defaultValue: 1); // Publications made before corrections existed are each their category's first.

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Publications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_Publications_CycleId_CategoryId_Sequence",
                table: "Publications",
                columns: new[] { "CycleId", "CategoryId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Publications_CycleId_CategoryId_Sequence",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CorrectionNoteEn",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Publications");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_CycleId_CategoryId",
                table: "Publications",
                columns: new[] { "CycleId", "CategoryId" });
        }
    }
}
