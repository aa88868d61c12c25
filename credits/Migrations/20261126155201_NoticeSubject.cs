using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Credits.Migrations
{
    /// <inheritdoc />
    public partial class NoticeSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "credits_outbox",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Subject",
                table: "credits_outbox");
        }
    }
}
