using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GitHubStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "web_github_statuses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Repository = table.Column<string>(type: "text", nullable: false),
                    Commit = table.Column<string>(type: "text", nullable: false),
                    Context = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    FeedbackUrl = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    DeliveredAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_web_github_statuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_web_github_statuses_Delivery_NextAttemptAt",
                table: "web_github_statuses",
                columns: new[] { "Delivery", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_web_github_statuses_Repository_Commit_Context",
                table: "web_github_statuses",
                columns: new[] { "Repository", "Commit", "Context" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "web_github_statuses");
        }
    }
}
