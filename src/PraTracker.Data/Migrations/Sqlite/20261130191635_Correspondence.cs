using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Correspondence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoSendFollowUps",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpTemplate",
                table: "Laws",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ForDeadlineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    InReplyTo = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    References = table.Column<string>(type: "TEXT", nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ToAddresses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReplyToAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TextBody = table.Column<string>(type: "TEXT", nullable: true),
                    Date = table.Column<long>(type: "INTEGER", nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RawSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    RawSizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ImapFolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ImapUidValidity = table.Column<long>(type: "INTEGER", nullable: true),
                    ImapUid = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailMessages_Deadlines_ForDeadlineId",
                        column: x => x.ForDeadlineId,
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmailMessages_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmailMessages_RequestEvents_RequestEventId",
                        column: x => x.RequestEventId,
                        principalTable: "RequestEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmailMessages_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailboxStates",
                columns: table => new
                {
                    Folder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUid = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSucceededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxStates", x => x.Folder);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_DocumentId",
                table: "EmailMessages",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_ForDeadlineId",
                table: "EmailMessages",
                column: "ForDeadlineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_ImapFolder_ImapUidValidity_ImapUid",
                table: "EmailMessages",
                columns: new[] { "ImapFolder", "ImapUidValidity", "ImapUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_MessageId",
                table: "EmailMessages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_RawSha256",
                table: "EmailMessages",
                column: "RawSha256");

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_RequestEventId",
                table: "EmailMessages",
                column: "RequestEventId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_RequestId_ProcessedAt",
                table: "EmailMessages",
                columns: new[] { "RequestId", "ProcessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_Status_ProcessedAt",
                table: "EmailMessages",
                columns: new[] { "Status", "ProcessedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailMessages");

            migrationBuilder.DropTable(
                name: "MailboxStates");

            migrationBuilder.DropColumn(
                name: "AutoSendFollowUps",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FollowUpTemplate",
                table: "Laws");
        }
    }
}
