using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubmitTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Release",
                table: "web_github_pushes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Tag",
                table: "web_github_pushes",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Release",
                table: "web_github_pushes");

            migrationBuilder.DropColumn(
                name: "Tag",
                table: "web_github_pushes");
        }
    }
}
