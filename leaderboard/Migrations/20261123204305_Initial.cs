using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Leaderboard.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "finalizations",
                columns: table => new
                {
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    FinalizedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finalizations", x => x.Assignment);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Team = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    PublicScore = table.Column<double>(type: "double precision", nullable: true),
                    PrivateScore = table.Column<double>(type: "double precision", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "selections",
                columns: table => new
                {
                    SubmissionId = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Team = table.Column<string>(type: "text", nullable: false),
                    SelectedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_selections", x => x.SubmissionId);
                    table.ForeignKey(
                        name: "FK_selections_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_selections_Assignment_Team",
                table: "selections",
                columns: new[] { "Assignment", "Team" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_Assignment_Team_Day",
                table: "submissions",
                columns: new[] { "Assignment", "Team", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_IdempotencyKey",
                table: "submissions",
                column: "IdempotencyKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finalizations");

            migrationBuilder.DropTable(
                name: "selections");

            migrationBuilder.DropTable(
                name: "submissions");
        }
    }
}
