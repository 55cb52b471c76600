using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Auditing;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Deadlines;

/// <summary>Logging events through the database: deadlines follow, in one transaction, and recomputing is idempotent.</summary>
public abstract class RequestTimelineTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Logging_an_extension_notice_replaces_the_response_deadline_with_the_extended_one()
    {
        var requestId = await NewCaliforniaRequestAsync();
        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.Equal(1, await RequestDeadlines.RecalculateAsync(db, requestId, new DateOnly(2026, 3, 3)));
            await db.SaveChangesAsync();
        }

        var notice = new RequestEventInput(RequestEventKind.ExtensionNotice, new DateOnly(2026, 3, 10), "Unusual circumstances: records in several divisions.");
        await using (var db = fixture.Open(Viewer.System))
        {
            var result = await RequestTimeline.LogAsync(db, requestId, notice, null, Now, new DateOnly(2026, 3, 10));
            Assert.True(result.Succeeded);
        }

        await using var read = fixture.Open(Viewer.System);
        var deadlines = await read.Deadlines.Where(d => d.RequestId == requestId).OrderBy(d => d.DueOn).ToListAsync();
        Assert.Collection(
            deadlines,
            initial =>
            {
                Assert.Equal((DeadlineKind.InitialResponse, new DateOnly(2026, 3, 12), DeadlineStatus.Superseded), (initial.Kind, initial.DueOn, initial.Status));
            },
            extended =>
            {
                Assert.Equal((DeadlineKind.ExtendedResponse, new DateOnly(2026, 3, 26), DeadlineStatus.Open), (extended.Kind, extended.DueOn, extended.Status));
                Assert.Contains("Extension notice of 2026-03-10", extended.Explanation);
            });
        var request = await read.Requests.SingleAsync(r => r.Id == requestId);
        Assert.Equal(RequestStatus.Processing, request.Status);
    }

    [Fact]
    public async Task One_logged_extension_notice_counts_once_even_when_it_claims_too_much()
    {
        var requestId = await NewCaliforniaRequestAsync();
        var notice = new RequestEventInput(RequestEventKind.ExtensionNotice, new DateOnly(2026, 3, 10), "We need until May.", AgencyPromisedOn: new DateOnly(2026, 5, 1));
        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.True((await RequestTimeline.LogAsync(db, requestId, notice, null, Now, new DateOnly(2026, 3, 10))).Succeeded);
        }

        await using var read = fixture.Open(Viewer.System);
        var extended = await read.Deadlines.SingleAsync(d => d.RequestId == requestId && d.Kind == DeadlineKind.ExtendedResponse);
        Assert.Equal(new DateOnly(2026, 3, 26), extended.DueOn);
        Assert.Equal("The agency's notice claims 2026-05-01 (Friday), later than the law allows; the deadline stays at 2026-03-26 (Thursday).", extended.Warning);
        Assert.Equal(2, await read.Deadlines.CountAsync(d => d.RequestId == requestId));
    }

    [Fact]
    public async Task Recalculating_twice_changes_nothing_the_second_time_and_writes_no_audit_rows()
    {
        var requestId = await NewCaliforniaRequestAsync();
        await using (var db = fixture.Open(Viewer.System))
        {
            await RequestTimeline.LogAsync(db, requestId, new RequestEventInput(RequestEventKind.Denial, new DateOnly(2026, 3, 9), "Denied in full."), null, Now, new DateOnly(2026, 3, 9));
        }

        await using var again = fixture.Open(Viewer.System);
        var auditBefore = await again.AuditEntries.CountAsync();
        Assert.Equal(0, await RequestDeadlines.RecalculateAsync(again, requestId, new DateOnly(2026, 3, 9)));
        await again.SaveChangesAsync();
        Assert.Equal(auditBefore, await again.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Removing_an_event_takes_its_deadlines_with_it_and_restores_the_earlier_ones()
    {
        var requestId = await NewCaliforniaRequestAsync();
        var today = new DateOnly(2026, 3, 10);
        await using (var db = fixture.Open(Viewer.System))
        {
            await RequestTimeline.LogAsync(db, requestId, new RequestEventInput(RequestEventKind.ExtensionNotice, today, "More time."), null, Now, today);
        }

        Guid eventId;
        await using (var db = fixture.Open(Viewer.System))
        {
            eventId = await db.RequestEvents.Where(e => e.RequestId == requestId).Select(e => e.Id).SingleAsync();
            Assert.True((await RequestTimeline.RemoveAsync(db, requestId, eventId, today)).Succeeded);
        }

        await using var read = fixture.Open(Viewer.System);
        var deadline = await read.Deadlines.SingleAsync(d => d.RequestId == requestId);
        Assert.Equal((DeadlineKind.InitialResponse, DeadlineStatus.Open, new DateOnly(2026, 3, 12)), (deadline.Kind, deadline.Status, deadline.DueOn));
    }

    [Fact]
    public async Task Two_attorneys_logging_on_the_same_request_at_once_cannot_both_save_and_nothing_is_doubled()
    {
        var requestId = await NewCaliforniaRequestAsync();
        var today = new DateOnly(2026, 3, 10);
        await using var slow = fixture.Open(Viewer.System);
        _ = await slow.Requests.SingleAsync(r => r.Id == requestId); // this attorney opened the request first

        await using (var fast = fixture.Open(Viewer.System))
        {
            var first = await RequestTimeline.LogAsync(fast, requestId, new RequestEventInput(RequestEventKind.ExtensionNotice, today, "More time."), null, Now, today);
            Assert.True(first.Succeeded);
        }

        var second = await RequestTimeline.LogAsync(slow, requestId, new RequestEventInput(RequestEventKind.ExtensionNotice, today, "More time (again)."), null, Now, today);
        Assert.False(second.Succeeded);
        Assert.Contains("Reload the page", Assert.Single(second.Errors));

        await using var read = fixture.Open(Viewer.System);
        Assert.Equal(1, await read.RequestEvents.CountAsync(e => e.RequestId == requestId));
        Assert.Equal(1, await read.Deadlines.CountAsync(d => d.RequestId == requestId && d.Kind == DeadlineKind.ExtendedResponse));
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_reasons_and_nothing_is_saved()
    {
        var requestId = await NewCaliforniaRequestAsync();
        var input = new RequestEventInput(RequestEventKind.Note, new DateOnly(2026, 4, 1), " ", ExemptionsCited: "§ 7923.600", AgencyPromisedOn: new DateOnly(2026, 4, 2));
        await using (var db = fixture.Open(Viewer.System))
        {
            var result = await RequestTimeline.LogAsync(db, requestId, input, null, Now, new DateOnly(2026, 3, 20));
            Assert.False(result.Succeeded);
            Assert.Equal(4, result.Errors.Count);
            Assert.Contains(result.Errors, e => e.Contains("in the future"));
        }

        await using var read = fixture.Open(Viewer.System);
        Assert.False(await read.RequestEvents.AnyAsync(e => e.RequestId == requestId));
    }

    [Fact]
    public async Task An_agency_closure_day_moves_that_agencys_deadline_only()
    {
        // Received Mon 2026-03-02, due Thu Mar 12; the agency was closed that day, so the deadline rolls to Fri Mar 13.
        var requestId = await NewCaliforniaRequestAsync();
        await using (var db = fixture.Open(Viewer.System))
        {
            var agencyId = await db.Requests.Where(r => r.Id == requestId).Select(r => r.AgencyId).SingleAsync();
            db.HolidayClosures.Add(new HolidayClosure { AgencyId = agencyId, Date = new DateOnly(2026, 3, 12), Reason = "Flooded records office" });
            await db.SaveChangesAsync();
            await RequestDeadlines.RecalculateAsync(db, requestId, new DateOnly(2026, 3, 3));
            await db.SaveChangesAsync();
        }

        var other = await NewCaliforniaRequestAsync();
        await using var read = fixture.Open(Viewer.System);
        await RequestDeadlines.RecalculateAsync(read, other, new DateOnly(2026, 3, 3));
        await read.SaveChangesAsync();
        var closed = await read.Deadlines.SingleAsync(d => d.RequestId == requestId);
        Assert.Equal(new DateOnly(2026, 3, 13), closed.DueOn);
        Assert.Contains("office closed: Flooded records office", closed.Explanation);
        Assert.Equal(new DateOnly(2026, 3, 12), (await read.Deadlines.SingleAsync(d => d.RequestId == other)).DueOn);
    }

    [Fact]
    public async Task A_working_deadline_is_met_by_a_final_production_before_it_and_missed_once_past_without_one()
    {
        var requestId = await NewCaliforniaRequestAsync();
        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.Empty(await RequestDeadlines.AddWorkingAsync(db, requestId, new DateOnly(2026, 4, 1), "Agreed by phone", new DateOnly(2026, 3, 3)));
            Assert.Equal(["2026-02-01 has already passed; a working deadline must be today or later."],
                await RequestDeadlines.AddWorkingAsync(db, requestId, new DateOnly(2026, 2, 1), "Too late", new DateOnly(2026, 3, 3)));
        }

        await using (var db = fixture.Open(Viewer.System))
        {
            await RequestDeadlines.RecalculateAsync(db, requestId, new DateOnly(2026, 4, 2));
            await db.SaveChangesAsync();
            var overdue = await db.Deadlines.SingleAsync(d => d.RequestId == requestId && d.Kind == DeadlineKind.Working);
            Assert.Equal((DeadlineStatus.Missed, (DateOnly?)null), (overdue.Status, overdue.ClosedOn));
        }

        await using (var db = fixture.Open(Viewer.System))
        {
            var production = new RequestEventInput(RequestEventKind.FinalProduction, new DateOnly(2026, 3, 30), "All records released.");
            Assert.True((await RequestTimeline.LogAsync(db, requestId, production, null, Now, new DateOnly(2026, 4, 2))).Succeeded);
        }

        await using var read = fixture.Open(Viewer.System);
        var working = await read.Deadlines.SingleAsync(d => d.RequestId == requestId && d.Kind == DeadlineKind.Working);
        Assert.Equal((DeadlineStatus.Met, (DateOnly?)new DateOnly(2026, 3, 30)), (working.Status, working.ClosedOn));
    }

    [Fact]
    public async Task Every_seeded_law_and_calendar_loads_into_the_database()
    {
        await using var db = fixture.Open(Viewer.System);
        var codes = await db.Laws.Select(l => l.Code).ToListAsync();
        Assert.Equal(ReferenceDataSeeder.LoadLaws().Select(l => l.Code).Order(), codes.Order());
        Assert.Equal(53, codes.Count); // federal FOIA, 50 states, DC and the UK
        Assert.All(new[] { "US-FED", "US-CA", "US-NY", "US-IL", "US-WA", "US-TX", "US-FL", "US-OH", "US-DC", "UK" }, code => Assert.Contains(code, codes));
        Assert.Equal(ReferenceDataSeeder.LoadCalendars().Count, await db.HolidayCalendars.CountAsync());
    }

    private async Task<Guid> NewCaliforniaRequestAsync()
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var request = Build.Request(Build.Agency(california), california);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}

public sealed class PostgresRequestTimelineTests(PostgresFixture fixture) : RequestTimelineTests<PostgresFixture>(fixture);

public sealed class SqliteRequestTimelineTests(SqliteFixture fixture) : RequestTimelineTests<SqliteFixture>(fixture);
