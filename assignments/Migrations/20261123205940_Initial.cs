using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Assignments.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments_students",
                columns: table => new
                {
                    Login = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: false),
                    Section = table.Column<string>(type: "text", nullable: true),
                    GitHub = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments_students", x => x.Login);
                });

            migrationBuilder.CreateTable(
                name: "assignments_teams",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assignments_team_members",
                columns: table => new
                {
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    TeamId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments_team_members", x => new { x.Assignment, x.Login });
                    table.ForeignKey(
                        name: "FK_assignments_team_members_assignments_students_Login",
                        column: x => x.Login,
                        principalTable: "assignments_students",
                        principalColumn: "Login",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assignments_team_members_assignments_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "assignments_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_students_Email",
                table: "assignments_students",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignments_students_GitHub",
                table: "assignments_students",
                column: "GitHub",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignments_team_members_Login",
                table: "assignments_team_members",
                column: "Login");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_team_members_TeamId",
                table: "assignments_team_members",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_teams_Assignment_Name",
                table: "assignments_teams",
                columns: new[] { "Assignment", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments_team_members");

            migrationBuilder.DropTable(
                name: "assignments_students");

            migrationBuilder.DropTable(
                name: "assignments_teams");
        }
    }
}
