using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class RescoreDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GradedInputs",
                table: "grader_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AttemptsBeforeRerun",
                table: "grader_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "grader_rescores",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    JobId = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Commit = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    OldVerdict = table.Column<string>(type: "TEXT", nullable: false),
                    OldScore = table.Column<double>(type: "double precision", nullable: false),
                    OldMaxScore = table.Column<double>(type: "double precision", nullable: false),
                    OldLateDays = table.Column<int>(type: "integer", nullable: false),
                    OldRecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    NewVerdict = table.Column<string>(type: "TEXT", nullable: true),
                    NewScore = table.Column<double>(type: "double precision", nullable: true),
                    NewMaxScore = table.Column<double>(type: "double precision", nullable: true),
                    NewLateDays = table.Column<int>(type: "integer", nullable: true),
                    Why = table.Column<string>(type: "text", nullable: false),
                    Result = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_rescores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grader_rescores_grader_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "grader_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grader_rescores_Assignment_State",
                table: "grader_rescores",
                columns: new[] { "Assignment", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_grader_rescores_JobId_State",
                table: "grader_rescores",
                columns: new[] { "JobId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grader_rescores");

            migrationBuilder.DropColumn(
                name: "GradedInputs",
                table: "grader_results");

            migrationBuilder.DropColumn(
                name: "AttemptsBeforeRerun",
                table: "grader_jobs");
        }
    }
}
