using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Grades.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gradebook_manual_grades",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    Item = table.Column<string>(type: "text", nullable: false),
                    Points = table.Column<double>(type: "double precision", nullable: false),
                    GradedBy = table.Column<string>(type: "text", nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_manual_grades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gradebook_score_overrides",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    Fraction = table.Column<double>(type: "double precision", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_score_overrides", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_manual_grades_Assignment_Login_Item_At",
                table: "gradebook_manual_grades",
                columns: new[] { "Assignment", "Login", "Item", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_score_overrides_Assignment_Login_At",
                table: "gradebook_score_overrides",
                columns: new[] { "Assignment", "Login", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gradebook_manual_grades");

            migrationBuilder.DropTable(
                name: "gradebook_score_overrides");
        }
    }
}
