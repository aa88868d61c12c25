using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TokenExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiresAt",
                table: "web_api_tokens",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Id",
                table: "web_api_tokens",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LastUsedAt",
                table: "web_api_tokens",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "web_api_tokens",
                type: "bigint",
                nullable: true);

            // Tokens issued before this upgrade get a random id and the default lifetime (90 days) counted from
            // the upgrade, by the database's clock: they keep signing in, and none of them lasts for ever.
            if (migrationBuilder.IsNpgsql())
            {
                migrationBuilder.Sql("""
                    UPDATE web_api_tokens
                    SET "Id" = substr(md5(random()::text || "Hash"), 1, 12),
                        "ExpiresAt" = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS bigint) + 7776000000;
                    """);
            }
            else
            {
                migrationBuilder.Sql("""
                    UPDATE web_api_tokens
                    SET "Id" = lower(hex(randomblob(6))),
                        "ExpiresAt" = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + 7776000000;
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "IX_web_api_tokens_Id",
                table: "web_api_tokens",
                column: "Id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_web_api_tokens_Id",
                table: "web_api_tokens");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "web_api_tokens");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "web_api_tokens");

            migrationBuilder.DropColumn(
                name: "LastUsedAt",
                table: "web_api_tokens");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "web_api_tokens");
        }
    }
}
