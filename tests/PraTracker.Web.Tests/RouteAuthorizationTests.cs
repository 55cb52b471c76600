using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>
/// Every route the app serves, read from the app's own endpoint table, checked against the rule written here for it,
/// as an anonymous visitor, an attorney and an admin. A page or endpoint added without a rule here fails the test, and
/// so does a rule the app no longer follows. Framework routes (static files, the Blazor circuit) are the only ones
/// left out, recognised by their metadata rather than listed.
/// </summary>
public sealed class RouteAuthorizationTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    /// <summary>Who may open a route.</summary>
    public enum Rule
    {
        /// <summary>Anyone; what it shows depends on who asks (the visibility filter).</summary>
        Public,

        /// <summary>Attorneys and admins; anyone else is sent to sign in.</summary>
        Staff,

        /// <summary>Admins; attorneys are refused, anyone else is sent to sign in.</summary>
        Admin,

        /// <summary>Admins, answered as an API: 401 to anonymous visitors, 403 to attorneys (the job dashboard).</summary>
        AdminApi,

        /// <summary>Anyone, but the secret in the address is the credential: a wrong one is a bare 404.</summary>
        SecretAddress,

        /// <summary>A form post anyone may make, refused without its antiforgery token.</summary>
        FormPost,

        /// <summary>The second step of signing in: only after a correct password in the same browser; anyone else is sent to sign in.</summary>
        SecondSignInStep,
    }

    public static readonly IReadOnlyDictionary<string, Rule> Rules = new Dictionary<string, Rule>
    {
        ["/"] = Rule.Public,
        ["/search"] = Rule.Public,
        ["/documents"] = Rule.Public,
        ["/documents/{Id:guid}"] = Rule.Public,
        ["/documents/{id:guid}/file"] = Rule.Public,
        ["/documents/{id:guid}/view"] = Rule.Public,
        ["/documents/{id:guid}/searchable"] = Rule.Public,
        ["/documents/{id:guid}/searchable/view"] = Rule.Public,
        ["/feeds/documents.atom"] = Rule.Public,
        ["/requests"] = Rule.Public,
        ["/requests/{Id:guid}"] = Rule.Public,
        ["/campaigns"] = Rule.Public,
        ["/campaigns/{Id:guid}"] = Rule.Public,
        ["/agencies"] = Rule.Public,
        ["/agencies/{Id:guid}"] = Rule.Public,
        ["/agencies/responses"] = Rule.Public,
        ["/vendors"] = Rule.Public,
        ["/vendors/{Id:guid}"] = Rule.Public,
        ["/vendors/map"] = Rule.Public,
        ["/coverage"] = Rule.Public,
        ["/contracts"] = Rule.Public,
        ["/contracts/{Id:guid}"] = Rule.Public,
        ["/deadlines/calculator"] = Rule.Public,
        ["/api"] = Rule.Public,
        ["/api/v1/openapi.json"] = Rule.Public,
        ["/api/v1/deadline-calculator"] = Rule.Public,
        ["/api/v1/agencies"] = Rule.Public,
        ["/api/v1/agencies/{id:guid}"] = Rule.Public,
        ["/api/v1/vendors"] = Rule.Public,
        ["/api/v1/vendors/{id:guid}"] = Rule.Public,
        ["/api/v1/contracts"] = Rule.Public,
        ["/api/v1/contracts/{id:guid}"] = Rule.Public,
        ["/api/v1/requests"] = Rule.Public,
        ["/api/v1/requests/{id:guid}"] = Rule.Public,
        ["/api/v1/documents"] = Rule.Public,
        ["/api/v1/documents/{id:guid}"] = Rule.Public,
        ["/api/v1/documents/{id:guid}/text"] = Rule.Public,
        ["/account/login"] = Rule.Public,
        ["/account/access-denied"] = Rule.Public,
        ["/account/invitation"] = Rule.Public,
        ["/account/login/two-factor"] = Rule.SecondSignInStep,
        ["/error"] = Rule.Public,
        ["/not-found"] = Rule.Public,
        ["/healthz"] = Rule.Public,
        ["/readyz"] = Rule.Public,
        ["/exports/requests.csv"] = Rule.Public,
        ["/exports/deadlines.csv"] = Rule.Public,
        ["/exports/contracts.csv"] = Rule.Public,
        ["/exports/documents.csv"] = Rule.Public,
        ["/exports/search.csv"] = Rule.Public,
        ["/exemptions"] = Rule.Public,
        ["/exemptions/new"] = Rule.Staff,
        ["/exemptions/{Id:guid}/edit"] = Rule.Staff,
        ["/requests/{id:guid}/withholding-log"] = Rule.Public,
        ["/requests/{id:guid}/withholding-log.csv"] = Rule.Public,
        ["/requests/new"] = Rule.Staff,
        ["/campaigns/new"] = Rule.Staff,
        ["/campaigns/{Id:guid}/file"] = Rule.Staff,
        ["/agencies/new"] = Rule.Staff,
        ["/imports"] = Rule.Staff,
        ["/vendors/new"] = Rule.Staff,
        ["/contracts/new"] = Rule.Staff,
        ["/dashboard"] = Rule.Staff,
        ["/inbox"] = Rule.Staff,
        ["/mail/{id:guid}/message.eml"] = Rule.Staff,
        ["/account/alerts"] = Rule.Staff,
        ["/account/two-factor"] = Rule.Staff,
        ["/admin"] = Rule.Admin,
        ["/admin/laws"] = Rule.Admin,
        ["/admin/laws/{Code}"] = Rule.Admin,
        ["/admin/calendars/{Code}"] = Rule.Admin,
        ["/hangfire/{**path}"] = Rule.AdminApi,
        ["/calendar/{token}.ics"] = Rule.SecretAddress,
        ["/account/logout"] = Rule.FormPost,
    };

    [Fact]
    public void Every_route_of_the_app_has_a_rule_here_and_every_rule_a_route()
    {
        var routes = AppRoutesWithPatterns().Select(r => r.Pattern).ToHashSet();

        Assert.Empty(routes.Except(Rules.Keys).Select(r => $"{r} has no rule in {nameof(RouteAuthorizationTests)}.{nameof(Rules)}"));
        Assert.Empty(Rules.Keys.Except(routes).Select(r => $"{r} has a rule but the app has no such route"));
    }

    [Fact]
    public void Only_routes_meant_for_anyone_let_anonymous_visitors_past_the_authorization_middleware()
    {
        // The pages refuse again as they render, but the middleware is the gate that must hold on its own.
        var open = new[] { Rule.Public, Rule.SecretAddress, Rule.FormPost, Rule.SecondSignInStep };
        var wrong = AppRoutesWithPatterns()
            .Where(r => (r.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null) != open.Contains(Rules[r.Pattern]))
            .Select(r => $"{r.Pattern} ({Rules[r.Pattern]}) {(open.Contains(Rules[r.Pattern]) ? "is not" : "is")} marked as open to anyone");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_route_answers_anonymous_visitors_attorneys_and_admins_as_its_rule_says()
    {
        using var anonymous = fixture.NewClient();
        using var attorney = fixture.NewClient();
        using var admin = fixture.NewClient();
        await AppFixture.SignInAsync(attorney, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);
        await AppFixture.SignInAsync(admin, AppFixture.AdminEmail, AppFixture.AdminPassword);

        var wrong = new List<string>();
        foreach (var (pattern, _) in AppRoutesWithPatterns())
        {
            var rule = Rules[pattern];
            var path = AppRoutes.Fill(pattern, AppRoutes.Harmless);
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("attorney", attorney), ("admin", admin) })
            {
                var response = rule == Rule.FormPost
                    ? await client.PostAsync(path, new FormUrlEncodedContent([]))
                    : await client.GetAsync(path);
                var expected = Expected(rule, who);
                var actual = Outcome(response);

                // A route let through may still find nothing at a made-up id, or want its query: not a refusal.
                var letThrough = expected == Answer.Shown && actual is Answer.NotFound or Answer.BadRequest;
                if (actual != expected && !(rule is Rule.Public or Rule.Staff && letThrough))
                {
                    wrong.Add($"{pattern} as {who}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private enum Answer
    {
        Shown,
        SentToSignIn,
        AccessDenied,
        Unauthorized,
        Forbidden,
        NotFound,
        BadRequest,
    }

    private static Answer Expected(Rule rule, string who) => (rule, who) switch
    {
        (Rule.Public, _) => Answer.Shown,
        (Rule.Staff or Rule.Admin, "anonymous") => Answer.SentToSignIn,
        (Rule.Staff, _) => Answer.Shown,
        (Rule.Admin, "attorney") => Answer.AccessDenied,
        (Rule.Admin, _) => Answer.Shown,
        (Rule.AdminApi, "anonymous") => Answer.Unauthorized,
        (Rule.AdminApi, "attorney") => Answer.Forbidden,
        (Rule.AdminApi, _) => Answer.Shown,
        (Rule.SecretAddress, _) => Answer.NotFound,
        (Rule.FormPost, _) => Answer.BadRequest,
        (Rule.SecondSignInStep, _) => Answer.SentToSignIn,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    // A public page about a record that is not there still answers (with its not-found text): that is "shown".
    private static Answer Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal) => Answer.SentToSignIn,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) => Answer.AccessDenied,
        HttpStatusCode.Unauthorized => Answer.Unauthorized,
        HttpStatusCode.Forbidden => Answer.Forbidden,
        HttpStatusCode.NotFound when response.Content.Headers.ContentLength is 0 or null => Answer.NotFound,
        HttpStatusCode.BadRequest => Answer.BadRequest,
        _ when (int)response.StatusCode < 400 || response.StatusCode == HttpStatusCode.NotFound => Answer.Shown,
        _ => (Answer)(-1),
    };

    private IEnumerable<(string Pattern, RouteEndpoint Endpoint)> AppRoutesWithPatterns() =>
        AppRoutes.Own(fixture).Select(e => (e.RoutePattern.RawText!, e));
}
