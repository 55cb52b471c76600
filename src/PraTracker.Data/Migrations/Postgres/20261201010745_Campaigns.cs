using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CampaignId",
                table: "Requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceObjectionId",
                table: "Deadlines",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    OwnerUserId = table.Column<string>(type: "text", nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Wording = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnsweredByEventId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_RequestEvents_AnsweredByEventId",
                        column: x => x.AnsweredByEventId,
                        principalTable: "RequestEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Exemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LawId = table.Column<Guid>(type: "uuid", nullable: false),
                    Citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProperUse = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ImproperUse = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SeedKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exemptions_Laws_LawId",
                        column: x => x.LawId,
                        principalTable: "Laws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VendorObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Grounds = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Details = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    NoticeDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    CourtDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    CourtCase = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LoggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VendorObjections_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VendorObjections_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Withholdings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Extent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quantity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgencyReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    OtherCitations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Withholdings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Withholdings_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Withholdings_RequestEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "RequestEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Withholdings_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignMembers",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMembers", x => new { x.CampaignId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CampaignMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignMembers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WithholdingExemptions",
                columns: table => new
                {
                    WithholdingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExemptionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WithholdingExemptions", x => new { x.WithholdingId, x.ExemptionId });
                    table.ForeignKey(
                        name: "FK_WithholdingExemptions_Exemptions_ExemptionId",
                        column: x => x.ExemptionId,
                        principalTable: "Exemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WithholdingExemptions_Withholdings_WithholdingId",
                        column: x => x.WithholdingId,
                        principalTable: "Withholdings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CampaignId",
                table: "Requests",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_SourceObjectionId",
                table: "Deadlines",
                column: "SourceObjectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMembers_UserId",
                table: "CampaignMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CreatedAt",
                table: "Campaigns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_OwnerUserId",
                table: "Campaigns",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Title",
                table: "Campaigns",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_AnsweredByEventId",
                table: "ChecklistItems",
                column: "AnsweredByEventId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_RequestId_Kind",
                table: "ChecklistItems",
                columns: new[] { "RequestId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exemptions_LawId_Citation",
                table: "Exemptions",
                columns: new[] { "LawId", "Citation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exemptions_SeedKey",
                table: "Exemptions",
                column: "SeedKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VendorObjections_RequestId",
                table: "VendorObjections",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_VendorObjections_VendorId",
                table: "VendorObjections",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_WithholdingExemptions_ExemptionId",
                table: "WithholdingExemptions",
                column: "ExemptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Withholdings_DocumentId",
                table: "Withholdings",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Withholdings_EventId",
                table: "Withholdings",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Withholdings_RequestId_Number",
                table: "Withholdings",
                columns: new[] { "RequestId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Deadlines_VendorObjections_SourceObjectionId",
                table: "Deadlines",
                column: "SourceObjectionId",
                principalTable: "VendorObjections",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Requests_Campaigns_CampaignId",
                table: "Requests",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Deadlines_VendorObjections_SourceObjectionId",
                table: "Deadlines");

            migrationBuilder.DropForeignKey(
                name: "FK_Requests_Campaigns_CampaignId",
                table: "Requests");

            migrationBuilder.DropTable(
                name: "CampaignMembers");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "VendorObjections");

            migrationBuilder.DropTable(
                name: "WithholdingExemptions");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Exemptions");

            migrationBuilder.DropTable(
                name: "Withholdings");

            migrationBuilder.DropIndex(
                name: "IX_Requests_CampaignId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_SourceObjectionId",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "SourceObjectionId",
                table: "Deadlines");
        }
    }
}
