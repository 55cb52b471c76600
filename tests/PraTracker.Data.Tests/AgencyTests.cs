using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Agencies: created and edited with checked input, and their pages counting only what the viewer may see.</summary>
public abstract class AgencyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bad_agency_input_is_refused_field_by_field_and_a_duplicate_is_named()
    {
        await using var db = fixture.Open(Viewer.System);
        var bad = await AgencyCommands.CreateAsync(db, new AgencyInput { Name = "", State = "California", RecordsEmail = "records at city", PortalUrl = "portal" });
        Assert.Equal(
            ["Name", "PortalUrl", "RecordsEmail", "State"],
            bad.Errors.Keys.Order());

        var name = Build.Unique("Oakland Police Department");
        Assert.True((await AgencyCommands.CreateAsync(db, new AgencyInput { Name = name, State = "ca", RecordsEmail = "records@oaklandca.gov" })).Succeeded);
        var twice = await AgencyCommands.CreateAsync(db, new AgencyInput { Name = name, State = "CA" });
        Assert.Equal($"{name} (CA) is already on file.", twice.Errors["Name"]);
    }

    [Fact]
    public async Task An_agencys_other_names_are_kept_one_per_line_without_repeats_or_its_own_name_and_shown_on_its_page()
    {
        await using var db = fixture.Open(Viewer.System);
        var name = Build.Unique("Los Angeles Police Department");
        var created = await AgencyCommands.CreateAsync(db, new AgencyInput { Name = name, State = "CA", Aliases = $"  LAPD \n\nlapd\n{name.ToUpperInvariant()}" });

        Assert.Equal("LAPD", await db.Agencies.Where(a => a.Id == created.Id).Select(a => a.Aliases).SingleAsync());
        var edit = (await AgencyPages.GetForEditAsync(db, created.Id!.Value))!;
        Assert.Equal("LAPD", edit.Aliases);

        edit.Aliases = "LAPD\nL.A.P.D.";
        Assert.True((await AgencyCommands.UpdateAsync(db, created.Id.Value, edit)).Succeeded);
        Assert.Equal("LAPD\nL.A.P.D.", await db.Agencies.Where(a => a.Id == created.Id).Select(a => a.Aliases).SingleAsync());
        Assert.Equal(["LAPD", "L.A.P.D."], (await AgencyPages.GetAsync(db, created.Id.Value))!.Aliases);
    }

    [Fact]
    public async Task An_agencys_other_names_over_the_limit_are_refused_beside_the_field_and_the_old_ones_kept()
    {
        await using var db = fixture.Open(Viewer.System);
        var name = Build.Unique("Los Angeles Police Department");
        var id = (await AgencyCommands.CreateAsync(db, new AgencyInput { Name = name, State = "CA", Aliases = "LAPD" })).Id!.Value;
        var tooLong = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"LAPD Division {i}"));
        Assert.True(tooLong.Length > Aliases.MaxLength);

        var refused = await AgencyCommands.UpdateAsync(db, id, new AgencyInput { Name = name, State = "CA", Aliases = tooLong });
        var refusedNew = await AgencyCommands.CreateAsync(db, new AgencyInput { Name = Build.Unique("Los Angeles Police Department"), State = "CA", Aliases = tooLong });

        Assert.Equal("Other names can be at most 2000 characters in all.", refused.Errors["Aliases"]);
        Assert.Equal(["Aliases"], refusedNew.Errors.Keys);
        await using var fresh = fixture.Open(Viewer.System);
        Assert.Equal("LAPD", await fresh.Agencies.Where(a => a.Id == id).Select(a => a.Aliases).SingleAsync());
    }

    [Fact]
    public async Task An_agencys_scorecard_on_its_page_counts_median_days_to_first_response_and_deadlines_met_over_visible_requests_only()
    {
        Guid agencyId;
        string userId;
        await using (var db = fixture.Open(Viewer.System))
        {
            var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
            var agency = Build.Agency(california);
            var user = Build.User();
            db.AddRange(agency, user);
            await db.SaveChangesAsync();
            (agencyId, userId) = (agency.Id, user.Id);
        }

        // Three sent on 2026-03-02 (Mon, due Thu Mar 12): answered after 2 days, after 12 days (late), and a private one after 4.
        var today = new DateOnly(2026, 3, 20);
        foreach (var (days, visibility) in new[] { (2, RequestVisibility.Public), (12, RequestVisibility.Public), (4, RequestVisibility.Private) })
        {
            await using var db = fixture.Open(Viewer.Staff(userId));
            var input = new RequestInput
            {
                Title = Build.Unique("Cell-site simulator"),
                AgencyId = agencyId,
                RequestText = "Records of any cell-site simulator.",
                Visibility = visibility,
                Sent = true,
                Method = SubmissionMethod.Email,
                SentOn = new DateOnly(2026, 3, 2),
            };
            var id = (await RequestCommands.CreateAsync(db, input, userId, Now, today)).Id!.Value;
            await using var log = fixture.Open(Viewer.Staff(userId));
            await RequestTimeline.LogAsync(log, id, new RequestEventInput(RequestEventKind.Denial, new DateOnly(2026, 3, 2).AddDays(days), "Denied."), userId, Now, today);
        }

        await using var staff = fixture.Open(Viewer.Staff(userId));
        var seenByStaff = (await AgencyPages.GetAsync(staff, agencyId))!.Scorecard;
        Assert.Equal((3, 3, 4.0, 2, 1), (seenByStaff.Requests, seenByStaff.FirstResponse.Count, seenByStaff.FirstResponse.Median!.Value, seenByStaff.DeadlinesMet, seenByStaff.DeadlinesMissed));

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var page = (await AgencyPages.GetAsync(anonymous, agencyId))!;
        Assert.Equal((2, 7.0, 1, 1), (page.Scorecard.Requests, page.Scorecard.FirstResponse.Median!.Value, page.Scorecard.DeadlinesMet, page.Scorecard.DeadlinesMissed));
        Assert.Equal(2, page.Requests.Count);
        Assert.Equal(0.5, page.Scorecard.OnTimeShare);
    }
}

public sealed class PostgresAgencyTests(PostgresFixture fixture) : AgencyTests<PostgresFixture>(fixture);

public sealed class SqliteAgencyTests(SqliteFixture fixture) : AgencyTests<SqliteFixture>(fixture);
