using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScannedProductions : Migration
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

            migrationBuilder.AddColumn<long>(
                name: "OcrQueuedAt",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

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
                name: "DocumentMentions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Pages = table.Column<string>(type: "TEXT", nullable: false),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentMentions_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentMentions_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentMentions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentMentions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentMentions_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_AgencyId_Status",
                table: "DocumentMentions",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_ContractId_Status",
                table: "DocumentMentions",
                columns: new[] { "ContractId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_DocumentId_AgencyId",
                table: "DocumentMentions",
                columns: new[] { "DocumentId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_DocumentId_ContractId",
                table: "DocumentMentions",
                columns: new[] { "DocumentId", "ContractId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_DocumentId_ProductId",
                table: "DocumentMentions",
                columns: new[] { "DocumentId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_DocumentId_VendorId",
                table: "DocumentMentions",
                columns: new[] { "DocumentId", "VendorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_ProductId_Status",
                table: "DocumentMentions",
                columns: new[] { "ProductId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentMentions_VendorId_Status",
                table: "DocumentMentions",
                columns: new[] { "VendorId", "Status" });

            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.SqliteCreate);
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.SqliteBackfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentPageSearch.SqliteDrop);
            migrationBuilder.DropTable(
                name: "DocumentMentions");

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
                name: "OcrQueuedAt",
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
