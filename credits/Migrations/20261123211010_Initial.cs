using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Credits.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credits_audit",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    CodeId = table.Column<string>(type: "text", nullable: true),
                    Login = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credits_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credits_codes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Provider = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    Secret = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "text", nullable: false),
                    Batch = table.Column<string>(type: "text", nullable: false),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: true),
                    AssigneeKey = table.Column<string>(type: "text", nullable: true),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: true),
                    RedeemedAt = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Replaces = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credits_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credits_outbox",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    To = table.Column<string>(type: "text", nullable: false),
                    CodeId = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: true),
                    ClaimedAt = table.Column<long>(type: "bigint", nullable: true),
                    SentAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credits_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credits_spend",
                columns: table => new
                {
                    Login = table.Column<string>(type: "text", nullable: false),
                    Total = table.Column<double>(type: "double precision", nullable: false),
                    LastUsageDay = table.Column<string>(type: "text", nullable: true),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credits_spend", x => x.Login);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credits_audit_CodeId",
                table: "credits_audit",
                column: "CodeId");

            migrationBuilder.CreateIndex(
                name: "IX_credits_codes_AssigneeKey",
                table: "credits_codes",
                column: "AssigneeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credits_codes_Fingerprint",
                table: "credits_codes",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credits_codes_Login",
                table: "credits_codes",
                column: "Login");

            migrationBuilder.CreateIndex(
                name: "IX_credits_codes_Status_Provider_Value",
                table: "credits_codes",
                columns: new[] { "Status", "Provider", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_credits_outbox_Key",
                table: "credits_outbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credits_outbox_State",
                table: "credits_outbox",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credits_audit");

            migrationBuilder.DropTable(
                name: "credits_codes");

            migrationBuilder.DropTable(
                name: "credits_outbox");

            migrationBuilder.DropTable(
                name: "credits_spend");
        }
    }
}
