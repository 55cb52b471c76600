using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Jobs;
using PraTracker.Jobs.Deadlines;

namespace PraTracker.Tests;

/// <summary>The deadline jobs on PostgreSQL with a real Hangfire server: recounts after a law changes, and the daily missed sweep.</summary>
public sealed class DeadlineJobsTests : IAsyncLifetime
{
    // 2026-02-12 at noon in Los Angeles.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 12, 20, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _host = new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings))
            .ConfigureServices((context, services) =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddPraTrackerData(context.Configuration);
                services.AddPraTrackerJobs(context.Configuration);
            })
            .Build();
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db);
        }

        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Editing_a_law_queues_a_recount_that_moves_its_requests_deadlines()
    {
        // Illinois, received Tue 2026-02-10: 5 business days skipping Lincoln's Birthday and Presidents' Day is Thu Feb 19.
        var requestId = await NewRequestAsync("US-IL", new DateOnly(2026, 2, 10));
        Assert.Equal(new DateOnly(2026, 2, 19), await DueOnAsync(requestId));

        // Suppose the legislature doubled the period: Feb 11 (1), 13 (2), 17-20 (6), 23-26 (10) -> Thu Feb 26.
        await using (var db = Open())
        {
            var edit = LawEdit.From((await LawAdministration.FindAsync(db, "US-IL"))!);
            edit.ResponseDays = 10;
            var result = await LawAdministration.UpdateAsync(db, "US-IL", edit);
            Assert.True(result.Changed);
            using var scope = _host.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<DeadlineRecalculation>().Enqueue(RecalculationScope.Law, result.LawId!.Value);
        }

        var until = DateTime.UtcNow.AddSeconds(60);
        while (await DueOnAsync(requestId) != new DateOnly(2026, 2, 26) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        Assert.Equal(new DateOnly(2026, 2, 26), await DueOnAsync(requestId));
        await using var read = Open();
        Assert.Contains("10 business days", (await read.Deadlines.SingleAsync(d => d.RequestId == requestId)).Explanation);
    }

    [Fact]
    public async Task The_daily_sweep_marks_a_passed_deadline_missed_and_a_second_run_changes_nothing()
    {
        var requestId = await NewRequestAsync("US-IL", new DateOnly(2026, 2, 10));
        var job = _host.Services.GetRequiredService<MarkMissedDeadlinesJob>();

        _clock.SetUtcNow(new DateTimeOffset(2026, 2, 19, 20, 0, 0, TimeSpan.Zero)); // the due date: still open
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(DeadlineStatus.Open, await StatusAsync(requestId));

        _clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 20, 0, 0, TimeSpan.Zero));
        Assert.StartsWith("1 deadlines changed", await job.RunAsync(CancellationToken.None));
        Assert.Equal(DeadlineStatus.Missed, await StatusAsync(requestId));
        Assert.StartsWith("0 deadlines changed", await job.RunAsync(CancellationToken.None));
    }

    [Fact]
    public void The_missed_deadline_sweep_is_registered_as_a_recurring_job_in_the_organisations_time_zone()
    {
        _host.Services.RegisterPraTrackerRecurringJobs();
        using var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == RecurringJobs.MarkMissedDeadlines);
        Assert.Equal("5 0 * * *", job.Cron);
        Assert.Equal("America/Los_Angeles", job.TimeZoneId);
    }

    private async Task<Guid> NewRequestAsync(string lawCode, DateOnly received)
    {
        await using var db = Open();
        var law = await db.Laws.SingleAsync(l => l.Code == lawCode);
        var agency = new Agency { Name = $"Chicago Police Department {Guid.NewGuid():N}", Kind = AgencyKind.PoliceDepartment, State = "IL", Law = law };
        var request = new RecordsRequest
        {
            Reference = $"PRA-J-{Guid.NewGuid():N}",
            Title = "ShotSpotter and social-media monitoring contracts",
            Agency = agency,
            Law = law,
            SentOn = received,
            ReceivedOn = received,
            Status = RequestStatus.Sent,
            Visibility = RequestVisibility.Private,
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        await RequestDeadlines.RecalculateAsync(db, request.Id, new DateOnly(2026, 2, 12));
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task<DateOnly> DueOnAsync(Guid requestId)
    {
        await using var db = Open();
        return await db.Deadlines.Where(d => d.RequestId == requestId).Select(d => d.DueOn).SingleAsync();
    }

    private async Task<DeadlineStatus> StatusAsync(Guid requestId)
    {
        await using var db = Open();
        return await db.Deadlines.Where(d => d.RequestId == requestId).Select(d => d.Status).SingleAsync();
    }

    private PraTrackerDbContext Open() =>
        _host.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
}
