using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class SlurmJobsAndHosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SlurmJobId",
                table: "grader_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlurmNode",
                table: "grader_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "grader_hosts",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Engine = table.Column<string>(type: "text", nullable: false),
                    Cores = table.Column<int>(type: "integer", nullable: false),
                    MemoryBytes = table.Column<long>(type: "bigint", nullable: false),
                    Gpus = table.Column<int>(type: "integer", nullable: false),
                    FreeGpus = table.Column<int>(type: "integer", nullable: false),
                    GpuKind = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: true),
                    SeenAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_hosts", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grader_hosts");

            migrationBuilder.DropColumn(
                name: "SlurmJobId",
                table: "grader_jobs");

            migrationBuilder.DropColumn(
                name: "SlurmNode",
                table: "grader_jobs");
        }
    }
}
