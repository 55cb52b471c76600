using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>
/// The public library over HTTP, against the real app on each database, with a data set holding private, in-review
/// and embargoed documents, a published document on a private request, and attorneys' notes, each carrying a word
/// of its own. Every anonymous route of the app, the search and the feeds are walked, and none of those words may
/// appear; the published document's word must, so the walk is seen to reach the data.
/// </summary>
public abstract class PublicLibraryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    [Fact]
    public async Task No_public_route_search_snippet_count_feed_or_file_address_shows_anything_private()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var client = fixture.NewClient();

        var addresses = new List<string>();
        foreach (var pattern in AnonymousGetPatterns())
        {
            addresses.AddRange(Concrete(pattern, data.AllIds));
        }

        // Searches for what every seeded document says: only the published one may come back, snippet and all.
        foreach (var query in new[] { "spokeo search log", "%22search log%22", "memo OR department", "log -nothing" })
        {
            addresses.Add($"/search?q={query}");
            addresses.Add($"/search?q={query}&sort=newest&agency={data.AgencyId}");
            addresses.Add($"/search?q={query}&request={data.PublicRequestId}");
            addresses.Add($"/search?q={query}&request={data.PrivateRequestId}");
            addresses.Add($"/search?q={query}&vendor={data.VendorId}&category=people-search");
        }

        addresses.Add($"/search?q={data.PublicWord}");

        // A document opened at a page with a search marked: nothing of a hidden one, not even its marked words.
        foreach (var id in data.HiddenDocumentIds.Append(data.PublishedId))
        {
            addresses.Add($"/documents/{id}?q=spokeo%20search%20log&page=1");
        }

        addresses.AddRange([
            "/feeds/documents.atom", $"/feeds/documents.atom?agency={data.AgencyId}", $"/feeds/documents.atom?vendor={data.VendorId}",
            "/feeds/documents.atom?category=people-search", $"/agencies/{data.AgencyId}", $"/vendors/{data.VendorId}", "/search?sort=newest", "/", "/campaigns",
            $"/coverage?vendor={data.VendorId}", "/coverage?technology=face-recognition", "/coverage?technology=face-recognition&stage=Filed"]);
        Assert.Contains(addresses, a => a.StartsWith("/documents/", StringComparison.Ordinal) && a.EndsWith("/file", StringComparison.Ordinal));

        var publicWordSeen = new List<string>();
        foreach (var address in addresses.Distinct())
        {
            var response = await client.GetAsync(address);
            Assert.True((int)response.StatusCode < 500, $"{address} answered {response.StatusCode}");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            foreach (var secret in data.SecretWords.Concat(data.PrivateRequestWords).Append(data.AttorneyEmail))
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{address} shows \"{secret}\"");
            }

            if (body.Contains(data.PublicWord, StringComparison.OrdinalIgnoreCase))
            {
                publicWordSeen.Add(address);
            }
        }

        Assert.Contains($"/search?q={data.PublicWord}", publicWordSeen);
        Assert.Contains($"/documents/{data.PublishedId}", publicWordSeen);
        Assert.Contains($"/documents/{data.PublishedId}/file", publicWordSeen);
        Assert.Contains($"/documents/{data.PublishedId}/searchable", publicWordSeen);
        Assert.Contains($"/vendors/{data.VendorId}", publicWordSeen); // the published document names it, confirmed
        Assert.Contains($"/contracts/{data.ContractId}", publicWordSeen);
        Assert.Contains(publicWordSeen, a => a.StartsWith("/feeds/documents.atom?agency=", StringComparison.Ordinal));
        Assert.Contains("/", publicWordSeen);
        Assert.Contains("/search?q=spokeo search log", publicWordSeen);

        // A public campaign counts only its public request for a visitor; a private one is not there at all.
        var campaign = WebUtility.HtmlDecode(await client.GetStringAsync($"/campaigns/{data.PublicCampaignId}"));
        Assert.Contains("Spokeo across California", campaign);
        Assert.Matches(@"data-testid=""stage-requests""><h5[^>]*>1</h5>", campaign);
        Assert.Contains("Campaign not found", await client.GetStringAsync($"/campaigns/{data.PrivateCampaignId}"));

        // Searching for a secret word itself echoes the query, and finds nothing, with no count to hint at it.
        foreach (var secret in data.SecretWords)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/search?q={secret}"));
            Assert.Contains("No documents match.", page);
            Assert.DoesNotContain("data-testid=\"document-result\"", page);
        }
    }

    [Fact]
    public async Task A_private_documents_file_is_a_bare_404_to_the_public_and_a_download_with_its_stored_type_to_staff()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var anonymous = fixture.NewClient();
        foreach (var id in data.HiddenDocumentIds)
        {
            foreach (var suffix in new[] { "file", "view", "searchable", "searchable/view" })
            {
                var response = await anonymous.GetAsync($"/documents/{id}/{suffix}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Empty(await response.Content.ReadAsStringAsync());
            }
        }

        using var staff = fixture.NewClient();
        await AppFixture.SignInAsync(staff, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);
        var download = await staff.GetAsync($"/documents/{data.HiddenDocumentIds[0]}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl!.NoStore);
        var shown = await staff.GetAsync($"/documents/{data.HiddenDocumentIds[0]}/view");
        Assert.Equal("attachment", shown.Content.Headers.ContentDisposition!.DispositionType); // only PDFs and images are shown inline
    }

    [Fact]
    public async Task A_published_document_shows_the_public_its_confirmed_names_and_never_the_suggestions_attorneys_have_not_decided()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var anonymous = fixture.NewClient();
        var page = await anonymous.GetStringAsync($"/documents/{data.PublishedId}");
        Assert.Contains("data-testid=\"mentions\"", page);
        Assert.Equal(2, page.Split("data-testid=\"mention\"").Length - 1); // the vendor and the contract, confirmed
        Assert.DoesNotContain("Suggested", page);
        Assert.DoesNotContain("confirm-mention", page);

        using var staff = fixture.NewClient();
        await AppFixture.SignInAsync(staff, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);
        var staffPage = await staff.GetStringAsync($"/documents/{data.PublishedId}");
        Assert.Equal(3, staffPage.Split("data-testid=\"mention\"").Length - 1);
        Assert.Contains("confirm-mention", staffPage);
    }

    [Fact]
    public async Task The_feeds_are_valid_atom_advertised_in_the_head_of_their_pages_and_list_the_newest_published_documents()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var client = fixture.NewClient();

        var feed = XDocument.Parse(await client.GetStringAsync($"/feeds/documents.atom?agency={data.AgencyId}"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Contains("Pasadena", feed.Root.Element(atom + "title")!.Value);
        var entry = Assert.Single(feed.Root.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value.Contains(data.PublicWord));
        Assert.EndsWith($"/documents/{data.PublishedId}", entry.Element(atom + "link")!.Attribute("href")!.Value);

        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", home);
        var agencyPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/agencies/{data.AgencyId}"));
        Assert.Contains($"href=\"/feeds/documents.atom?agency={data.AgencyId}\"", agencyPage);
    }

    // The GET routes anyone may open, pages and endpoints alike, read from the app itself.
    private IEnumerable<string> AnonymousGetPatterns() =>
        AppRoutes.Own(fixture)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => !p.StartsWith("/account", StringComparison.Ordinal) && !p.StartsWith("_", StringComparison.Ordinal) && !p.Contains("**", StringComparison.Ordinal))
            .Distinct();

    // Each route parameter takes every seeded id in turn, so every document, request, agency and vendor page is opened.
    private static IEnumerable<string> Concrete(string pattern, IReadOnlyList<Guid> ids) =>
        pattern.Contains('{') ? ids.Select(id => AppRoutes.Fill(pattern, _ => id.ToString())) : [AppRoutes.Fill(pattern, _ => "")];
}

public sealed class PostgresPublicLibraryTests(PostgresAppFixture fixture) : PublicLibraryTests<PostgresAppFixture>(fixture);

public sealed class SqlitePublicLibraryTests(SqliteAppFixture fixture) : PublicLibraryTests<SqliteAppFixture>(fixture);
