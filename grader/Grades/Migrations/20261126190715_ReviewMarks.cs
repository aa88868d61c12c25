using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Grades.Migrations
{
    /// <inheritdoc />
    public partial class ReviewMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gradebook_review_marks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_review_marks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_review_marks_Assignment_Subject_At",
                table: "gradebook_review_marks",
                columns: new[] { "Assignment", "Subject", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gradebook_review_marks");
        }
    }
}
