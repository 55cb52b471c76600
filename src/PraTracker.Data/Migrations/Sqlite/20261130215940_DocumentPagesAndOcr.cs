using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Products",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OcrError",
                table: "Documents",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OcrFinishedAt",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OcrPagesDone",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OcrPagesTotal",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OcrStatus",
                table: "Documents",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotNeeded");

            migrationBuilder.AddColumn<string>(
                name: "SearchableSha256",
                table: "Documents",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SearchableSizeBytes",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Agencies",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentPages",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    FromOcr = table.Column<bool>(type: "INTEGER", nullable: false)
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

            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.SqliteCreate);
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.SqliteBackfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.SqliteDrop);
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
