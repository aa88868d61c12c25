using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class FairCompute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_grader_jobs_Assignment_Owner_Commit",
                table: "grader_jobs");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "grader_results",
                type: "TEXT",
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.AddColumn<long>(
                name: "WallMs",
                table: "grader_results",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeviceMs",
                table: "grader_jobs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "grader_jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.CreateTable(
                name: "grader_budget_grants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    GpuSeconds = table.Column<double>(type: "double precision", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    GrantedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_budget_grants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grader_jobs_Assignment_Owner_Commit_Tier",
                table: "grader_jobs",
                columns: new[] { "Assignment", "Owner", "Commit", "Tier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grader_budget_grants_Assignment_Owner",
                table: "grader_budget_grants",
                columns: new[] { "Assignment", "Owner" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grader_budget_grants");

            migrationBuilder.DropIndex(
                name: "IX_grader_jobs_Assignment_Owner_Commit_Tier",
                table: "grader_jobs");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "grader_results");

            migrationBuilder.DropColumn(
                name: "WallMs",
                table: "grader_results");

            migrationBuilder.DropColumn(
                name: "DeviceMs",
                table: "grader_jobs");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "grader_jobs");

            migrationBuilder.CreateIndex(
                name: "IX_grader_jobs_Assignment_Owner_Commit",
                table: "grader_jobs",
                columns: new[] { "Assignment", "Owner", "Commit" },
                unique: true);
        }
    }
}
