using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionStaffFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StaffFlag",
                table: "grader_submissions",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StaffFlag",
                table: "grader_submissions");
        }
    }
}
