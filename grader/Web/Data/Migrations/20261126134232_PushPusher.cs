using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PushPusher : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Pusher",
                table: "web_github_pushes",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Pusher",
                table: "web_github_pushes");
        }
    }
}
