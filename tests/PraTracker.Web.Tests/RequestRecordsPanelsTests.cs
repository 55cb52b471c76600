using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Web.Features.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The request page's "Records asked for" checklist and "Vendor objections" panels, rendered over the real database.</summary>
public abstract class RequestRecordsPanelsTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected RequestRecordsPanelsTests(TFixture fixture)
    {
        AddRequestPageServices(fixture.Configuration);
    }

    [Fact]
    public async Task An_attorney_records_a_vendor_objection_and_its_notice_deadline_joins_the_deadline_panel_explained()
    {
        var page = await RequestPageAsStaffAsync("Pasadena police use of Spokeo for Law Enforcement");
        var today = Services.GetRequiredService<RequestService>().Today;
        var spokeo = await VendorIdAsync("Spokeo");

        page.Find("[data-testid=objection-add]").Click();
        var form = page.WaitForComponent<VendorObjectionForm>(TimeSpan.FromSeconds(10));
        form.WaitForAssertion(() => Assert.Contains(form.FindComponents<MudSelectItem<Guid?>>(), i => i.Instance.Value == spokeo), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => form.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(spokeo));
        await page.InvokeAsync(() => form.FindComponents<MudDatePicker>()[1].Instance.DateChanged.InvokeAsync(today.AddDays(10).ToDateTime(TimeOnly.MinValue)));
        page.Find("[data-testid=objection-save]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=objection]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Spokeo · trade secret", page.Find("[data-testid=objection]").TextContent);
        var deadline = Assert.Single(page.FindAll("[data-testid=deadline]"), d => d.TextContent.Contains("Vendor objection notice"));
        Assert.Contains($"Spokeo objected on {today:yyyy-MM-dd} (trade secret); the agency's notice gives until {today.AddDays(10):yyyy-MM-dd} to respond.", deadline.TextContent);
    }

    [Fact]
    public async Task An_objection_dated_in_the_future_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var page = await RequestPageAsStaffAsync("FBI use of Clearview AI");
        var today = Services.GetRequiredService<RequestService>().Today;
        var clearview = await VendorIdAsync("Clearview AI");

        page.Find("[data-testid=objection-add]").Click();
        var form = page.WaitForComponent<VendorObjectionForm>(TimeSpan.FromSeconds(10));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindComponents<MudSelectItem<Guid?>>()), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => form.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(clearview));
        await page.InvokeAsync(() => form.FindComponents<MudDatePicker>()[0].Instance.DateChanged.InvokeAsync(today.AddDays(3).ToDateTime(TimeOnly.MinValue)));
        page.Find("[data-testid=objection-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("is in the future; record the objection once it is made", page.Find("[data-testid=objection-form]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=objection]"));
    }

    [Fact]
    public async Task Checklist_items_added_by_hand_are_marked_from_a_logged_partial_production_and_show_what_answered_them()
    {
        var page = await RequestPageAsStaffAsync("LAPD fictitious online personas and social-media analytics");
        await AddItemAsync(page, RecordKind.Contract, "The contract with the social-media analytics vendor");
        await AddItemAsync(page, RecordKind.PoliciesAndTraining, "Policies on fictitious online personas");
        Assert.All(page.FindAll("[data-testid=checklist-status]"), chip => Assert.Equal("Not yet addressed", chip.TextContent.Trim()));

        await page.InvokeAsync(() => page.FindComponent<TimelineEventForm>().FindComponent<MudSelect<RequestEventKind>>().Instance.ValueChanged.InvokeAsync(RequestEventKind.PartialProduction));
        var marks = page.FindComponent<ChecklistMarks>().FindComponents<MudSelect<ChecklistStatus?>>();
        Assert.Equal(2, marks.Count);
        await page.InvokeAsync(() => marks[0].Instance.ValueChanged.InvokeAsync(ChecklistStatus.Produced));
        await page.InvokeAsync(() => marks[1].Instance.ValueChanged.InvokeAsync(ChecklistStatus.PartlyProduced));
        page.Find("[data-testid=event-form] textarea").Change("First installment: the contract and part of the policies.");
        page.Find("[data-testid=event-form] form").Submit();

        page.WaitForAssertion(
            () => Assert.Equal(["Produced", "Partly produced"], page.FindAll("[data-testid=checklist-status]").Select(c => c.TextContent.Trim())),
            TimeSpan.FromSeconds(10));
        var today = Services.GetRequiredService<RequestService>().Today;
        Assert.All(page.FindAll("[data-testid=checklist-answered-by]"), a => Assert.Equal($"Partial production of {today:yyyy-MM-dd}", a.TextContent.Trim()));
    }

    [Fact]
    public async Task Anonymous_visitors_see_a_public_requests_checklist_and_objections_but_no_controls()
    {
        var auth = AddAuthorization();
        var requestId = await RequestIdAsync("Pasadena police use of Spokeo for Law Enforcement");
        await using (var db = Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System))
        {
            if (!await db.ChecklistItems.AnyAsync(i => i.RequestId == requestId && i.Kind == RecordKind.AuditLogs))
            {
                Assert.Empty(await RequestChecklist.AddAsync(db, requestId, RecordKind.AuditLogs, "Audit logs of every search"));
            }
        }

        auth.SetNotAuthorized();
        var page = Render<RequestPage>(p => p.Add(x => x.Id, requestId));

        page.WaitForAssertion(() => Assert.Contains("Audit or search logs", page.Find("[data-testid=checklist]").TextContent), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("[data-testid=objections]"));
        Assert.Empty(page.FindAll("[data-testid=checklist-add-form]"));
        Assert.Empty(page.FindAll("[data-testid=checklist-edit]"));
        Assert.Empty(page.FindAll("[data-testid=objection-add]"));
    }

    private static async Task AddItemAsync(IRenderedComponent<RequestPage> page, RecordKind kind, string wording)
    {
        var items = page.FindAll("[data-testid=checklist-item]").Count;
        await page.InvokeAsync(() => page.FindComponent<ChecklistPanel>().FindComponent<MudSelect<RecordKind?>>().Instance.ValueChanged.InvokeAsync(kind));
        page.Find("input[data-testid=checklist-add-wording], [data-testid=checklist-add-wording] input").Change(wording);
        page.Find("[data-testid=checklist-add]").Click();
        page.WaitForAssertion(() => Assert.Equal(items + 1, page.FindAll("[data-testid=checklist-item]").Count), TimeSpan.FromSeconds(10));
    }

    private async Task<IRenderedComponent<RequestPage>> RequestPageAsStaffAsync(string title)
    {
        var auth = AddAuthorization(); // before the first service is resolved
        var requestId = await RequestIdAsync(title);
        SignInAsAdmin(auth, await DemoAdminIdAsync());
        var page = Render<RequestPage>(p => p.Add(x => x.Id, requestId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=checklist]")), TimeSpan.FromSeconds(10));
        return page;
    }

    private async Task<Guid> RequestIdAsync(string title)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        return await db.Requests.Where(r => r.Title == title).Select(r => r.Id).SingleAsync();
    }

    private async Task<Guid> VendorIdAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        return await db.Vendors.Where(v => v.Name == name).Select(v => v.Id).SingleAsync();
    }
}

public sealed class PostgresRequestRecordsPanelsTests(PostgresDemoDatabase fixture) : RequestRecordsPanelsTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteRequestRecordsPanelsTests(SqliteDemoDatabase fixture) : RequestRecordsPanelsTests<SqliteDemoDatabase>(fixture);
