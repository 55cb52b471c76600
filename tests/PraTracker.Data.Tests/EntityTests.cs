using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Auditing;
using PraTracker.Data.Contracts;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Every entity survives a round trip, and the database enforces its keys and its concurrency token, on both providers.</summary>
public abstract class EntityTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private readonly TFixture _fixture = fixture;

    [Fact]
    public async Task Reference_data_is_seeded_once_and_admin_edits_survive_a_reseed()
    {
        await using (var db = _fixture.Open(Viewer.System))
        {
            Assert.Equal(TechnologyCategories.Seed.Count, await db.TechnologyCategories.CountAsync());
            var california = await db.Laws.Include(l => l.HolidayCalendar).ThenInclude(c => c.Rules).SingleAsync(l => l.Code == "US-CA");
            Assert.Equal(10, california.ResponseDays);
            Assert.Equal(DayCount.Calendar, california.ResponseDayCount);
            Assert.Equal(14, california.ExtensionDays);
            Assert.True(california.HolidayCalendar.SaturdaysAreHolidays);
            Assert.Contains(california.HolidayCalendar.Rules, r => r.Name == "Cesar Chavez Day" && r.Month == 3 && r.Day == 31);
            var foia = await db.Laws.SingleAsync(l => l.Code == "US-FED");
            Assert.Equal(20, foia.ResponseDays);
            Assert.Equal(DayCount.Business, foia.ResponseDayCount);
            Assert.Equal(90, foia.AppealWindowDays);
        }

        // Seeding twice would double rows or undo an admin's edit if it were not insert-if-missing.
        await using (var db = _fixture.Open(Viewer.System))
        {
            var foia = await db.Laws.SingleAsync(l => l.Code == "US-FED");
            foia.Notes = "Edited by an admin";
            await db.SaveChangesAsync();
            await ReferenceDataSeeder.SeedAsync(db);
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            Assert.Equal(1, await db.Laws.CountAsync(l => l.Code == "US-FED"));
            Assert.Equal("Edited by an admin", (await db.Laws.SingleAsync(l => l.Code == "US-FED")).Notes);
            Assert.Equal(TechnologyCategories.Seed.Count, await db.TechnologyCategories.CountAsync());
            Assert.Equal(2, await db.HolidayCalendars.CountAsync(c => c.Code == "US-CA" || c.Code == "US-FED"));
        }
    }

    [Fact]
    public async Task A_full_request_graph_round_trips_with_every_field()
    {
        var user = Build.User();
        Guid requestId, contractId, calendarId;
        var embargo = new DateTimeOffset(2026, 4, 1, 7, 30, 0, TimeSpan.Zero);
        await using (var db = _fixture.Open(Viewer.System))
        {
            db.Users.Add(user);
            var calendar = new HolidayCalendar
            {
                Code = $"T-{Guid.NewGuid():N}"[..20],
                Name = "Test calendar",
                SaturdaysAreHolidays = true,
                Rules = [new HolidayRule { Name = "Thanksgiving", Kind = HolidayRuleKind.NthWeekdayOfMonth, Month = 11, Weekday = DayOfWeek.Thursday, Nth = 4, OffsetDays = 1, Observance = HolidayObservance.None }],
                Closures = [new HolidayClosure { Date = new DateOnly(2026, 1, 27), Reason = "Storm closure" }],
            };
            var law = new PublicRecordsLaw
            {
                Code = $"T-{Guid.NewGuid():N}"[..20],
                Jurisdiction = "Test",
                Name = "Test act",
                Citation = "Test Code § 1",
                ResponseDays = 5,
                ResponseDayCount = DayCount.Business,
                ResponseKind = ResponseKind.Acknowledgement,
                ExtensionDays = 20,
                ExtensionDayCount = DayCount.Business,
                ExtensionCountedFrom = ExtensionStart.Acknowledgement,
                RollsToNextBusinessDay = true,
                AppealWindowDays = 30,
                AppealWindowDayCount = DayCount.Calendar,
                AppealDecisionDays = 10,
                AppealDecisionDayCount = DayCount.Business,
                HolidayCalendar = calendar,
                Confidence = SourceConfidence.Secondary,
                LastCheckedOn = new DateOnly(2026, 11, 23),
            };
            var parent = Build.Agency(law);
            var agency = Build.Agency(law);
            agency.ParentAgency = parent;
            agency.RecordsEmail = "records@example.gov";
            var category = await db.TechnologyCategories.SingleAsync(c => c.Code == "people-search");
            var vendor = new Vendor { Name = Build.Unique("Spokeo"), Website = "https://www.spokeo.com" };
            var product = new Product { Vendor = vendor, Name = "Spokeo for Law Enforcement", TechnologyCategory = category };
            var contract = new Contract
            {
                Agency = agency,
                Vendor = vendor,
                Products = [product],
                Title = "Subscription",
                Number = "C-2024-118",
                Status = ContractStatus.Active,
                ProcurementMethod = ProcurementMethod.SoleSource,
                Amount = 24_999.95m,
                Currency = "USD",
                StartsOn = new DateOnly(2024, 7, 1),
                EndsOn = new DateOnly(2027, 6, 30),
                RenewsOn = new DateOnly(2027, 5, 1),
                ApprovingBody = "City Council",
                ApprovedOn = new DateOnly(2024, 6, 17),
                SourceUrl = "https://example.gov/agenda",
                Notes = "Three seats",
            };
            var request = Build.Request(agency, law);
            request.AgencyTrackingNumber = "R-0042";
            request.InternalNotes = "Call the clerk on Monday";
            request.Outcome = RequestOutcome.PartialRelease;
            request.Assignments.Add(new RequestAssignment { User = user, UserId = user.Id });
            request.ContractLinks.Add(new RequestContract { Contract = contract });
            request.VendorLinks.Add(new RequestVendor { Vendor = vendor });
            request.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = category });
            var extension = new RequestEvent
            {
                Kind = RequestEventKind.ExtensionNotice,
                OccurredOn = new DateOnly(2026, 3, 10),
                Summary = "Extension notice",
                Body = "Unusual circumstances",
                ExemptionsCited = "§ 7922.000",
                AgencyPromisedOn = new DateOnly(2026, 3, 26),
                LoggedBy = user,
                LoggedAt = new DateTimeOffset(2026, 3, 10, 21, 5, 0, TimeSpan.Zero),
            };
            request.Events.Add(extension);
            var deadline = Build.Deadline(request, new DateOnly(2026, 3, 26));
            deadline.SourceEvent = extension;
            request.Deadlines.Add(deadline);
            var document = Build.Document(request, PublicationStatus.Published, embargo);
            document.RequestEvent = extension;
            document.PageCount = 12;
            request.Documents.Add(document);
            db.Requests.Add(request);
            db.ReminderDispatches.Add(new ReminderDispatch { Deadline = deadline, RecipientUserId = user.Id, LeadDays = 2, ClaimedAt = embargo, SentAt = embargo.AddSeconds(3), Attempts = 1 });
            await db.SaveChangesAsync();
            (requestId, contractId, calendarId) = (request.Id, contract.Id, calendar.Id);
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            var request = await db.Requests
                .Include(r => r.Agency).ThenInclude(a => a.ParentAgency)
                .Include(r => r.Law)
                .Include(r => r.Assignments)
                .Include(r => r.ContractLinks).ThenInclude(l => l.Contract).ThenInclude(c => c.Products)
                .Include(r => r.VendorLinks).ThenInclude(l => l.Vendor)
                .Include(r => r.CategoryLinks).ThenInclude(l => l.TechnologyCategory)
                .Include(r => r.Events)
                .Include(r => r.Deadlines)
                .Include(r => r.Documents)
                .SingleAsync(r => r.Id == requestId);

            Assert.Equal("R-0042", request.AgencyTrackingNumber);
            Assert.Equal(new DateOnly(2026, 3, 2), request.ReceivedOn);
            Assert.Equal(RequestOutcome.PartialRelease, request.Outcome);
            Assert.Equal("Call the clerk on Monday", request.InternalNotes);
            Assert.Equal(_fixture.Clock.GetUtcNow(), request.CreatedAt);
            Assert.Equal("records@example.gov", request.Agency.RecordsEmail);
            Assert.NotNull(request.Agency.ParentAgency);
            Assert.Equal(ResponseKind.Acknowledgement, request.Law.ResponseKind);
            Assert.Equal(user.Id, Assert.Single(request.Assignments).UserId);

            var contract = Assert.Single(request.ContractLinks).Contract;
            Assert.Equal(contractId, contract.Id);
            Assert.Equal(24_999.95m, contract.Amount);
            Assert.Equal(ProcurementMethod.SoleSource, contract.ProcurementMethod);
            Assert.Equal(new DateOnly(2024, 6, 17), contract.ApprovedOn);
            Assert.Equal("Spokeo for Law Enforcement", Assert.Single(contract.Products).Name);
            Assert.Equal("people-search", Assert.Single(request.CategoryLinks).TechnologyCategory.Code);
            Assert.StartsWith("Spokeo", Assert.Single(request.VendorLinks).Vendor.Name);

            var extension = Assert.Single(request.Events);
            Assert.Equal(RequestEventKind.ExtensionNotice, extension.Kind);
            Assert.Equal(new DateOnly(2026, 3, 26), extension.AgencyPromisedOn);
            Assert.Equal(new DateTimeOffset(2026, 3, 10, 21, 5, 0, TimeSpan.Zero), extension.LoggedAt);
            Assert.Equal(user.Id, extension.LoggedByUserId);

            var deadline = Assert.Single(request.Deadlines);
            Assert.Equal(extension.Id, deadline.SourceEventId);
            Assert.Equal(DeadlineStatus.Open, deadline.Status);

            var document = Assert.Single(request.Documents);
            Assert.Equal(embargo, document.EmbargoUntil);
            Assert.Equal(12, document.PageCount);
            Assert.Equal(64, document.Sha256.Length);
            Assert.Equal(extension.Id, document.RequestEventId);

            var dispatch = await db.ReminderDispatches.SingleAsync(d => d.DeadlineId == deadline.Id);
            Assert.Equal(embargo.AddSeconds(3), dispatch.SentAt);
            Assert.Equal(2, dispatch.LeadDays);

            var calendar = await db.HolidayCalendars.Include(c => c.Rules).Include(c => c.Closures).SingleAsync(c => c.Id == calendarId);
            var rule = Assert.Single(calendar.Rules);
            Assert.Equal((DayOfWeek.Thursday, 4, 1), (rule.Weekday!.Value, rule.Nth!.Value, rule.OffsetDays));
            Assert.Equal(new DateOnly(2026, 1, 27), Assert.Single(calendar.Closures).Date);
        }
    }

    [Fact]
    public async Task Instants_sort_in_time_order_on_both_providers()
    {
        var request = await SaveRequestAsync();
        var instants = new[] { new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 31, 23, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero) };
        await using (var db = _fixture.Open(Viewer.System))
        {
            foreach (var instant in instants)
            {
                var document = Build.Document(request);
                document.Request = null!;
                document.RequestId = request.Id;
                document.UploadedAt = instant;
                db.Documents.Add(document);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            var sorted = await db.Documents.Where(d => d.RequestId == request.Id).OrderBy(d => d.UploadedAt).Select(d => d.UploadedAt).ToListAsync();
            Assert.Equal(instants.Order(), sorted);
            Assert.Equal(2, await db.Documents.CountAsync(d => d.RequestId == request.Id && d.UploadedAt > new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }
    }

    [Fact]
    public async Task Two_requests_cannot_share_a_reference()
    {
        var first = await SaveRequestAsync();
        await using var db = _fixture.Open(Viewer.System);
        var law = await Build.CaliforniaAsync(db);
        var duplicate = Build.Request(Build.Agency(law), law);
        duplicate.Reference = first.Reference;
        db.Requests.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_agencies_in_one_state_cannot_share_a_name()
    {
        await using var db = _fixture.Open(Viewer.System);
        var first = Build.Agency();
        var second = Build.Agency();
        second.Name = first.Name;
        db.Agencies.AddRange(first, second);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_same_reminder_cannot_be_claimed_twice()
    {
        var request = await SaveRequestAsync();
        var user = Build.User();
        Guid deadlineId;
        await using (var db = _fixture.Open(Viewer.System))
        {
            db.Users.Add(user);
            var deadline = Build.Deadline(request, new DateOnly(2026, 3, 12));
            deadline.Request = null!;
            deadline.RequestId = request.Id;
            db.Deadlines.Add(deadline);
            db.ReminderDispatches.Add(new ReminderDispatch { Deadline = deadline, RecipientUserId = user.Id, LeadDays = 2, ClaimedAt = _fixture.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            deadlineId = deadline.Id;
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            db.ReminderDispatches.Add(new ReminderDispatch { DeadlineId = deadlineId, RecipientUserId = user.Id, LeadDays = 2, ClaimedAt = _fixture.Clock.GetUtcNow() });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            // Another lead time for the same deadline and person is a different alert.
            db.ReminderDispatches.Add(new ReminderDispatch { DeadlineId = deadlineId, RecipientUserId = user.Id, LeadDays = 0, ClaimedAt = _fixture.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.ReminderDispatches.CountAsync(d => d.DeadlineId == deadlineId));
        }
    }

    [Fact]
    public async Task A_request_must_name_an_agency_that_exists()
    {
        await using var db = _fixture.Open(Viewer.System);
        var law = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(law), law);
        request.Agency = null!;
        request.AgencyId = Guid.NewGuid();
        db.Requests.Add(request);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task An_agency_with_requests_cannot_be_deleted()
    {
        var request = await SaveRequestAsync();
        await using var db = _fixture.Open(Viewer.System);
        db.Agencies.Remove(await db.Agencies.SingleAsync(a => a.Id == request.AgencyId));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Concurrent_edits_of_a_request_raise_a_conflict_instead_of_overwriting()
    {
        var saved = await SaveRequestAsync();
        await using var alice = _fixture.Open(Viewer.System);
        await using var bob = _fixture.Open(Viewer.System);
        var alicesCopy = await alice.Requests.SingleAsync(r => r.Id == saved.Id);
        var bobsCopy = await bob.Requests.SingleAsync(r => r.Id == saved.Id);

        alicesCopy.Status = RequestStatus.Acknowledged;
        await alice.SaveChangesAsync();
        bobsCopy.Status = RequestStatus.Closed;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await using var check = _fixture.Open(Viewer.System);
        Assert.Equal(RequestStatus.Acknowledged, (await check.Requests.SingleAsync(r => r.Id == saved.Id)).Status);
    }

    [Fact]
    public async Task Every_change_to_a_request_is_audited_with_who_and_the_old_and_new_values()
    {
        var user = Build.User();
        await using (var db = _fixture.Open(Viewer.System))
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var saved = await SaveRequestAsync();
        await using (var db = _fixture.Open(Viewer.Staff(user.Id)))
        {
            var request = await db.Requests.SingleAsync(r => r.Id == saved.Id);
            request.Status = RequestStatus.Acknowledged;
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            var entries = await db.AuditEntries.Where(e => e.EntityId == saved.Id).ToListAsync();
            Assert.Contains(entries, e => e.Action == AuditAction.Created && e.EntityType == nameof(RecordsRequest));
            var update = Assert.Single(entries, e => e.Action == AuditAction.Updated);
            Assert.Equal(user.Id, update.UserId);
            Assert.Contains("\"Status\":{\"old\":\"Sent\",\"new\":\"Acknowledged\"}", update.Changes.Replace(" ", ""), StringComparison.Ordinal);
        }
    }

    private async Task<RecordsRequest> SaveRequestAsync(RequestVisibility visibility = RequestVisibility.Public)
    {
        await using var db = _fixture.Open(Viewer.System);
        var law = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(law), law, visibility);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }
}

public sealed class PostgresEntityTests(PostgresFixture fixture) : EntityTests<PostgresFixture>(fixture);

public sealed class SqliteEntityTests(SqliteFixture fixture) : EntityTests<SqliteFixture>(fixture);
