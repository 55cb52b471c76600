using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentPagesAndOcr : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Vendors",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Products",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OcrError",
                table: "Documents",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OcrFinishedAt",
                table: "Documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OcrPagesDone",
                table: "Documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OcrPagesTotal",
                table: "Documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OcrStatus",
                table: "Documents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotNeeded");

            migrationBuilder.AddColumn<string>(
                name: "SearchableSha256",
                table: "Documents",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SearchableSizeBytes",
                table: "Documents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Agencies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentPages",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    FromOcr = table.Column<bool>(type: "boolean", nullable: false),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english'::regconfig, left(\"Text\", 1000000))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentPages", x => new { x.DocumentId, x.Number });
                    table.ForeignKey(
                        name: "FK_DocumentPages_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OcrStatus",
                table: "Documents",
                column: "OcrStatus");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentPages_SearchVector",
                table: "DocumentPages",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.PostgresBackfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentPages");

            migrationBuilder.DropIndex(
                name: "IX_Documents_OcrStatus",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Vendors");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "OcrError",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "OcrFinishedAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "OcrPagesDone",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "OcrPagesTotal",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "OcrStatus",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SearchableSha256",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SearchableSizeBytes",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Agencies");
        }
    }
}
