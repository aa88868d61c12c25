using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Grades.Migrations
{
    /// <inheritdoc />
    public partial class RegradesReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gradebook_regrade_messages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    RequestId = table.Column<string>(type: "text", nullable: false),
                    Author = table.Column<string>(type: "text", nullable: false),
                    FromStaff = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_regrade_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gradebook_regrade_requests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Team = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    Item = table.Column<string>(type: "text", nullable: false),
                    AskedAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    ResolvedBy = table.Column<string>(type: "text", nullable: true),
                    ResolvedAt = table.Column<long>(type: "bigint", nullable: true),
                    Resolution = table.Column<string>(type: "text", nullable: true),
                    NewScore = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_regrade_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gradebook_releases",
                columns: table => new
                {
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_releases", x => x.Assignment);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_regrade_messages_RequestId_At",
                table: "gradebook_regrade_messages",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_regrade_requests_Assignment_Team",
                table: "gradebook_regrade_requests",
                columns: new[] { "Assignment", "Team" });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_regrade_requests_State_Assignment",
                table: "gradebook_regrade_requests",
                columns: new[] { "State", "Assignment" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gradebook_regrade_messages");

            migrationBuilder.DropTable(
                name: "gradebook_regrade_requests");

            migrationBuilder.DropTable(
                name: "gradebook_releases");
        }
    }
}
