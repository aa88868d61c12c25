using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Leaderboard.Migrations
{
    /// <inheritdoc />
    public partial class ModuleTablePrefix : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_selections_submissions_SubmissionId",
                table: "selections");

            migrationBuilder.DropPrimaryKey(
                name: "PK_submissions",
                table: "submissions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_selections",
                table: "selections");

            migrationBuilder.DropPrimaryKey(
                name: "PK_finalizations",
                table: "finalizations");

            migrationBuilder.RenameTable(
                name: "submissions",
                newName: "leaderboard_submissions");

            migrationBuilder.RenameTable(
                name: "selections",
                newName: "leaderboard_selections");

            migrationBuilder.RenameTable(
                name: "finalizations",
                newName: "leaderboard_finalizations");

            migrationBuilder.RenameIndex(
                name: "IX_submissions_IdempotencyKey",
                table: "leaderboard_submissions",
                newName: "IX_leaderboard_submissions_IdempotencyKey");

            migrationBuilder.RenameIndex(
                name: "IX_submissions_Assignment_Team_Day",
                table: "leaderboard_submissions",
                newName: "IX_leaderboard_submissions_Assignment_Team_Day");

            migrationBuilder.RenameIndex(
                name: "IX_selections_Assignment_Team",
                table: "leaderboard_selections",
                newName: "IX_leaderboard_selections_Assignment_Team");

            migrationBuilder.AddPrimaryKey(
                name: "PK_leaderboard_submissions",
                table: "leaderboard_submissions",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_leaderboard_selections",
                table: "leaderboard_selections",
                column: "SubmissionId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_leaderboard_finalizations",
                table: "leaderboard_finalizations",
                column: "Assignment");

            migrationBuilder.AddForeignKey(
                name: "FK_leaderboard_selections_leaderboard_submissions_SubmissionId",
                table: "leaderboard_selections",
                column: "SubmissionId",
                principalTable: "leaderboard_submissions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_leaderboard_selections_leaderboard_submissions_SubmissionId",
                table: "leaderboard_selections");

            migrationBuilder.DropPrimaryKey(
                name: "PK_leaderboard_submissions",
                table: "leaderboard_submissions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_leaderboard_selections",
                table: "leaderboard_selections");

            migrationBuilder.DropPrimaryKey(
                name: "PK_leaderboard_finalizations",
                table: "leaderboard_finalizations");

            migrationBuilder.RenameTable(
                name: "leaderboard_submissions",
                newName: "submissions");

            migrationBuilder.RenameTable(
                name: "leaderboard_selections",
                newName: "selections");

            migrationBuilder.RenameTable(
                name: "leaderboard_finalizations",
                newName: "finalizations");

            migrationBuilder.RenameIndex(
                name: "IX_leaderboard_submissions_IdempotencyKey",
                table: "submissions",
                newName: "IX_submissions_IdempotencyKey");

            migrationBuilder.RenameIndex(
                name: "IX_leaderboard_submissions_Assignment_Team_Day",
                table: "submissions",
                newName: "IX_submissions_Assignment_Team_Day");

            migrationBuilder.RenameIndex(
                name: "IX_leaderboard_selections_Assignment_Team",
                table: "selections",
                newName: "IX_selections_Assignment_Team");

            migrationBuilder.AddPrimaryKey(
                name: "PK_submissions",
                table: "submissions",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_selections",
                table: "selections",
                column: "SubmissionId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_finalizations",
                table: "finalizations",
                column: "Assignment");

            migrationBuilder.AddForeignKey(
                name: "FK_selections_submissions_SubmissionId",
                table: "selections",
                column: "SubmissionId",
                principalTable: "submissions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
