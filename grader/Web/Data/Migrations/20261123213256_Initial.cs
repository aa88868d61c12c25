using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "web_api_tokens",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_web_api_tokens", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "web_github_pushes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DeliveryId = table.Column<string>(type: "text", nullable: false),
                    Repository = table.Column<string>(type: "text", nullable: false),
                    DefaultBranch = table.Column<string>(type: "text", nullable: false),
                    Commit = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_web_github_pushes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "web_webhook_deliveries",
                columns: table => new
                {
                    DeliveryId = table.Column<string>(type: "text", nullable: false),
                    Event = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_web_webhook_deliveries", x => x.DeliveryId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_web_api_tokens_Login",
                table: "web_api_tokens",
                column: "Login");

            migrationBuilder.CreateIndex(
                name: "IX_web_github_pushes_Repository_Commit",
                table: "web_github_pushes",
                columns: new[] { "Repository", "Commit" });

            migrationBuilder.CreateIndex(
                name: "IX_web_github_pushes_State_ReceivedAt",
                table: "web_github_pushes",
                columns: new[] { "State", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "web_api_tokens");

            migrationBuilder.DropTable(
                name: "web_github_pushes");

            migrationBuilder.DropTable(
                name: "web_webhook_deliveries");
        }
    }
}
