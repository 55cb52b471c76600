using Bunit;
using Microsoft.AspNetCore.Components;
using PraTracker.Data.Identity;
using PraTracker.Web.Components.Layout;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The layout's navigation, as anonymous visitors, attorneys and admins see it.</summary>
public sealed class LayoutTests : ComponentTestContext
{
    private static readonly string[] SharedSections =
        ["Requests", "Campaigns", "Agencies", "How agencies respond", "Vendors", "Vendor map", "Coverage", "Contracts", "Search documents", "Documents", "Exemption library", "Deadline calculator", "Public API"];

    // Attorneys and admins also have their dashboard first and the CSV import after the documents.
    private static readonly string[] StaffSections = ["Dashboard", "Inbox", .. SharedSections[..10], "Import", .. SharedSections[10..]];

    [Fact]
    public void Anonymous_visitors_see_the_shared_sections_and_a_sign_in_button_but_no_dashboard_or_admin()
    {
        AddAuthorization().SetNotAuthorized();
        var layout = RenderLayout();

        Assert.Equal(SharedSections, NavLinks(layout));
        Assert.Contains("Sign in", layout.Find("header").TextContent);
        Assert.Empty(layout.FindAll("[data-testid=signed-in-as]"));
        Assert.Contains("Page body", layout.Markup);
    }

    [Fact]
    public void Attorneys_also_see_their_dashboard_the_import_and_a_sign_out_form()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("attorney@aclu.example");
        auth.SetRoles(Roles.Attorney);
        auth.SetPolicies(Policies.Staff);
        var layout = RenderLayout();

        Assert.Equal(StaffSections, NavLinks(layout));
        Assert.Equal("attorney@aclu.example", layout.Find("[data-testid=signed-in-as]").TextContent);
        Assert.Equal("/account/logout", layout.Find("header form").GetAttribute("action"));
    }

    [Fact]
    public void Admins_see_the_admin_section_last()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@aclu.example");
        auth.SetRoles(Roles.Admin);
        auth.SetPolicies(Policies.Staff, Policies.Admin);
        var layout = RenderLayout();

        Assert.Equal([.. StaffSections, "Admin"], NavLinks(layout));
        Assert.Equal("/admin", layout.FindAll("nav a").Last().GetAttribute("href"));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(builder => builder.AddContent(0, "Page body"))));

    private static string[] NavLinks(IRenderedComponent<MainLayout> layout) =>
        layout.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
}
