using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchRankVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "RankVector",
                table: "Documents",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"Description\", '')), 'B') || setweight(to_tsvector('english'::regconfig, left(coalesce(\"ExtractedText\", ''), 5000)), 'C')",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RankVector",
                table: "Documents");
        }
    }
}
