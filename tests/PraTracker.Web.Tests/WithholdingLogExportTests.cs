using System.Globalization;
using System.Net;
using CsvHelper;
using PraTracker.Data.Identity;
using PraTracker.Web.Endpoints;

namespace PraTracker.Tests;

/// <summary>A request's withholding log as a CSV and as a printable page, over HTTP, on each database, for staff and for visitors.</summary>
public abstract class WithholdingLogExportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    [Fact]
    public async Task Staff_download_a_private_requests_log_with_each_entrys_citations_and_visitors_get_a_bare_404_for_it()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        var withheldWord = data.SecretWords.Single(w => w.StartsWith("withheldword", StringComparison.Ordinal));
        using var staff = fixture.NewClient();
        await AppFixture.SignInAsync(staff, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);

        var response = await staff.GetAsync(WithholdingLogEndpoints.Csv(data.PrivateRequestId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var (headers, rows) = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(WithholdingLogEndpoints.CsvHeaders, headers);
        var row = Assert.Single(rows, r => r["Records withheld"] == $"Audit logs {withheldWord}");
        Assert.Equal($"Gov. Code § 7923.600; Local rule {withheldWord}", row["Exemptions (citations)"]);
        Assert.Equal("Law-enforcement investigatory records and files", row["Exemption names"]);
        Assert.Equal(("Denial", "Withheld in full", $"Because {withheldWord}"), (row["Response"], row["Extent"], row["Agency's stated reason"]));
        Assert.Contains(withheldWord, await staff.GetStringAsync(WithholdingLogEndpoints.Printable(data.PrivateRequestId)));

        using var visitor = fixture.NewClient();
        foreach (var address in new[] { WithholdingLogEndpoints.Csv(data.PrivateRequestId), WithholdingLogEndpoints.Printable(data.PrivateRequestId) })
        {
            var refused = await visitor.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Empty(await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_visitor_reads_a_public_requests_log_without_the_name_of_a_document_still_in_review()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var visitor = fixture.NewClient();

        var (_, rows) = Read(await visitor.GetByteArrayAsync(WithholdingLogEndpoints.Csv(data.PublicRequestId)));
        var redacted = rows.Where(r => r["Records withheld"] == "Search log, redacted").ToList();
        Assert.NotEmpty(redacted);
        Assert.All(redacted, r => Assert.Equal(("Withheld in part", "Gov. Code § 7923.600", ""), (r["Extent"], r["Exemptions (citations)"], r["Document"])));

        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync(WithholdingLogEndpoints.Printable(data.PublicRequestId)));
        Assert.Contains("Withholding log (Vaughn index)", page);
        Assert.Contains("California Public Records Act", page);
        Assert.Contains("Search log, redacted", page);
        Assert.Contains("@media print", page);
        Assert.DoesNotContain("Released with redactions as", page);
    }

    private static (string[] Headers, List<Dictionary<string, string>> Rows) Read(byte[] csv)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var headers = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(headers.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        }

        return (headers, rows);
    }
}

public sealed class PostgresWithholdingLogExportTests(PostgresAppFixture fixture) : WithholdingLogExportTests<PostgresAppFixture>(fixture);

public sealed class SqliteWithholdingLogExportTests(SqliteAppFixture fixture) : WithholdingLogExportTests<SqliteAppFixture>(fixture);
