using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Documents",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReleasedOn",
                table: "Documents",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Documents",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"Description\", '')), 'B') || setweight(to_tsvector('english'::regconfig, left(coalesce(\"ExtractedText\", ''), 1000000)), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ReleasedOn",
                table: "Documents",
                column: "ReleasedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SearchVector",
                table: "Documents",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // Documents uploaded before release dates were kept take their production's date, else their upload date.
            migrationBuilder.Sql("""
                UPDATE "Documents" AS d SET "ReleasedOn" = coalesce(
                    (SELECT e."OccurredOn" FROM "RequestEvents" AS e WHERE e."Id" = d."RequestEventId"), d."UploadedAt"::date);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_ReleasedOn",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_SearchVector",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ReleasedOn",
                table: "Documents");
        }
    }
}
