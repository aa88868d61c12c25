using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grader_submissions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    IsTeam = table.Column<bool>(type: "boolean", nullable: false),
                    Repository = table.Column<string>(type: "text", nullable: false),
                    Commit = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    SnapshotPath = table.Column<string>(type: "text", nullable: false),
                    IntakeNotes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "grader_jobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SubmissionId = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Commit = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FairSequence = table.Column<int>(type: "integer", nullable: false),
                    EnqueuedAt = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    LeaseOwner = table.Column<string>(type: "text", nullable: true),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    HeartbeatAt = table.Column<long>(type: "bigint", nullable: true),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grader_jobs_grader_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "grader_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grader_results",
                columns: table => new
                {
                    JobId = table.Column<string>(type: "text", nullable: false),
                    SubmissionId = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    Commit = table.Column<string>(type: "text", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", nullable: false),
                    ExitCode = table.Column<int>(type: "integer", nullable: true),
                    RawScore = table.Column<double>(type: "double precision", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    MaxScore = table.Column<double>(type: "double precision", nullable: false),
                    LateDays = table.Column<int>(type: "integer", nullable: false),
                    StdoutTail = table.Column<string>(type: "text", nullable: false),
                    StderrTail = table.Column<string>(type: "text", nullable: false),
                    SandboxResultJson = table.Column<string>(type: "text", nullable: false),
                    MetricsLogPath = table.Column<string>(type: "text", nullable: true),
                    FeedbackPath = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_results", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_grader_results_grader_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "grader_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grader_jobs_Assignment_Owner_Commit",
                table: "grader_jobs",
                columns: new[] { "Assignment", "Owner", "Commit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grader_jobs_State_FairSequence_EnqueuedAt",
                table: "grader_jobs",
                columns: new[] { "State", "FairSequence", "EnqueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_grader_jobs_SubmissionId",
                table: "grader_jobs",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_grader_results_Assignment_Owner",
                table: "grader_results",
                columns: new[] { "Assignment", "Owner" });

            migrationBuilder.CreateIndex(
                name: "IX_grader_submissions_Assignment_Owner_Commit",
                table: "grader_submissions",
                columns: new[] { "Assignment", "Owner", "Commit" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grader_results");

            migrationBuilder.DropTable(
                name: "grader_jobs");

            migrationBuilder.DropTable(
                name: "grader_submissions");
        }
    }
}
