using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Grades.Migrations
{
    /// <inheritdoc />
    public partial class ExtensionsAndGradeChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gradebook_extensions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Deadline = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    GrantedBy = table.Column<string>(type: "text", nullable: false),
                    GrantedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_extensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gradebook_grade_changes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    Old = table.Column<double>(type: "double precision", nullable: true),
                    New = table.Column<double>(type: "double precision", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gradebook_grade_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_extensions_Assignment_Owner_GrantedAt",
                table: "gradebook_extensions",
                columns: new[] { "Assignment", "Owner", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_gradebook_grade_changes_Login_Assignment_At",
                table: "gradebook_grade_changes",
                columns: new[] { "Login", "Assignment", "At" });

            // Overrides made before the log existed start it, so a grade's history begins with them; the grade before each is unknown.
            migrationBuilder.Sql("""
                INSERT INTO gradebook_grade_changes ("Id", "Assignment", "Login", "Old", "New", "Kind", "By", "Reason", "At")
                SELECT "Id", "Assignment", "Login", NULL, "Fraction", 'override', "By", "Reason", "At" FROM gradebook_score_overrides
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gradebook_extensions");

            migrationBuilder.DropTable(
                name: "gradebook_grade_changes");
        }
    }
}
