using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lessons.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// A delivery keeps the ids of its reports only, as 16 bytes each, instead of a JSON list with every report's
    /// reasons (36 KB for a digest of 350 reports, most of what composing wrote; the reasons are in the stored mail).
    /// Existing lists are converted; going back gives the ids with empty reasons.
    /// </summary>
    public partial class DigestCompact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ReportIds",
                table: "digest_deliveries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            // 16 random bytes an id do not compress: storing them as they are spares PostgreSQL trying on every row.
            migrationBuilder.Sql("""ALTER TABLE digest_deliveries ALTER COLUMN "ReportIds" SET STORAGE EXTERNAL""");

            migrationBuilder.Sql("""
                UPDATE digest_deliveries SET "ReportIds" = coalesce((
                    SELECT decode(string_agg(replace(e->>'reportId', '-', ''), '' ORDER BY o), 'hex')
                    FROM jsonb_array_elements("Items"::jsonb) WITH ORDINALITY AS t(e, o)), ''::bytea)
                """);

            migrationBuilder.DropColumn(
                name: "Items",
                table: "digest_deliveries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Items",
                table: "digest_deliveries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE digest_deliveries SET "Items" = coalesce((
                    SELECT json_agg(json_build_object('reportId', encode(substr("ReportIds", i * 16 + 1, 16), 'hex')::uuid, 'reasons', '[]'::json) ORDER BY i)
                    FROM generate_series(0, length("ReportIds") / 16 - 1) AS i), '[]')::text
                """);

            migrationBuilder.DropColumn(
                name: "ReportIds",
                table: "digest_deliveries");
        }
    }
}
