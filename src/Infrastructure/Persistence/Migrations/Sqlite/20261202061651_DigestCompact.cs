using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lessons.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.Sql("""
                UPDATE digest_deliveries SET "ReportIds" = coalesce((
                    SELECT unhex(group_concat(replace(json_extract(value, '$.reportId'), '-', ''), ''))
                    FROM json_each("Items")), x'')
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE digest_deliveries SET "Items" = coalesce((
                    WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < length("ReportIds") / 16)
                    SELECT json_group_array(json_object('reportId', lower(
                        substr(hex(substr("ReportIds", n * 16 + 1, 16)), 1, 8) || '-' || substr(hex(substr("ReportIds", n * 16 + 1, 16)), 9, 4) || '-' ||
                        substr(hex(substr("ReportIds", n * 16 + 1, 16)), 13, 4) || '-' || substr(hex(substr("ReportIds", n * 16 + 1, 16)), 17, 4) || '-' ||
                        substr(hex(substr("ReportIds", n * 16 + 1, 16)), 21)), 'reasons', json('[]')))
                    FROM i WHERE length("ReportIds") >= 16), '[]')
                """);

            migrationBuilder.DropColumn(
                name: "ReportIds",
                table: "digest_deliveries");
        }
    }
}
