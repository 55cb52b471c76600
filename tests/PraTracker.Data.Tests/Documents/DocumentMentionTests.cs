using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Documents;

/// <summary>
/// The names a document's text holds, on both databases: exactly the vendors, products, agencies and contract numbers
/// it names, with their pages; decisions that survive a new look; facts copied into contracts; and nothing an
/// attorney has not confirmed, or that sits in a document they may not see, shown to the public.
/// </summary>
public abstract class DocumentMentionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_document_naming_two_vendors_yields_exactly_those_two_suggestions_with_their_pages()
    {
        var (request, named, alsoNamed, notNamed) = await SeedAsync();
        var document = await AddDocumentAsync(request.Id, PublicationStatus.Private,
            $"Invoice from {named.Name} for the {request.Agency.Name}.",
            "Routine cover sheet.",
            $"{alsoNamed.Name.ToUpperInvariant()} trial notes; {named.Name}'s renewal follows.");

        var mentions = await FindAsync(document.Id);

        Assert.Equal(
            [(MentionKind.Vendor, named.Id, (int[])[1, 3], 2), (MentionKind.Vendor, alsoNamed.Id, [3], 1)],
            mentions.OrderBy(m => m.Pages[0]).ThenBy(m => m.TargetName).Select(m => (m.Kind, m.TargetId, m.Pages.ToArray(), m.Occurrences)));
        Assert.DoesNotContain(mentions, m => m.TargetId == notNamed.Id);
        Assert.All(mentions, m => Assert.Equal(MentionStatus.Suggested, m.Status));
    }

    [Fact]
    public async Task Other_names_products_other_agencies_and_contract_numbers_are_found_but_not_the_agency_the_document_came_from()
    {
        var (request, vendor, _, _) = await SeedAsync();
        Product product;
        Agency other;
        Contract contract;
        await using (var db = fixture.Open(Viewer.System))
        {
            var california = await Build.CaliforniaAsync(db);
            var category = await db.TechnologyCategories.FirstAsync();
            product = new Product { VendorId = vendor.Id, Name = Build.Unique("Faces"), TechnologyCategoryId = category.Id };
            other = Build.Agency(california);
            other.Aliases = Build.Unique("OPD");
            contract = Build.Contract(await db.Agencies.SingleAsync(a => a.Id == request.AgencyId), await db.Vendors.SingleAsync(v => v.Id == vendor.Id));
            contract.Number = $"C-{Random.Shared.Next(100_000, 999_999)}-7";
            (await db.Vendors.SingleAsync(v => v.Id == vendor.Id)).Aliases = Build.Unique("Spk");
            db.AddRange(product, other, contract);
            await db.SaveChangesAsync();
        }

        var alias = (await ReloadVendorAsync(vendor.Id)).Aliases!;
        var document = await AddDocumentAsync(request.Id, PublicationStatus.Private,
            $"Sent by {alias} to {other.Aliases} about {product.Name}.",
            $"Under contract {contract.Number.Replace('-', ' ')}, per {request.Agency.Name}.");

        var mentions = await FindAsync(document.Id);

        Assert.Equal(
            [(MentionKind.Agency, other.Id, other.Aliases, 1), (MentionKind.Contract, contract.Id, contract.Number, 2), (MentionKind.Product, product.Id, product.Name, 1), (MentionKind.Vendor, vendor.Id, alias, 1)],
            mentions.OrderBy(m => m.Kind.ToString()).Select(m => (m.Kind, m.TargetId, m.Name, m.Pages.Single())));
        Assert.Equal(vendor.Name, mentions.Single(m => m.Kind == MentionKind.Product).VendorName);
    }

    [Fact]
    public async Task A_new_look_keeps_what_attorneys_decided_and_drops_suggestions_the_text_no_longer_holds()
    {
        var (request, confirmed, rejected, later) = await SeedAsync();
        var document = await AddDocumentAsync(request.Id, PublicationStatus.Private, $"{confirmed.Name} and {rejected.Name}.");
        var first = await FindAsync(document.Id);
        await using (var db = fixture.Open(Viewer.Staff("attorney-1")))
        {
            Assert.Null(await DocumentMentions.DecideAsync(db, first.Single(m => m.TargetId == confirmed.Id).Id, MentionStatus.Confirmed, Now));
            Assert.Null(await DocumentMentions.DecideAsync(db, first.Single(m => m.TargetId == rejected.Id).Id, MentionStatus.Rejected, Now));
        }

        // OCR read more: the page now names a third vendor and no longer the first two.
        await SetPagesAsync(document.Id, "Nothing here.", $"Only {later.Name} now.");
        var second = await FindAsync(document.Id);
        Assert.Equal(
            [(confirmed.Id, MentionStatus.Confirmed), (rejected.Id, MentionStatus.Rejected), (later.Id, MentionStatus.Suggested)],
            second.OrderBy(m => m.TargetId == later.Id).ThenBy(m => m.TargetId == rejected.Id).Select(m => (m.TargetId, m.Status)));
        Assert.Equal([2], second.Single(m => m.TargetId == later.Id).Pages);
        await using (var db = fixture.Open(Viewer.System))
        {
            var decided = await db.DocumentMentions.SingleAsync(m => m.DocumentId == document.Id && m.VendorId == confirmed.Id);
            Assert.Equal(("attorney-1", Now), (decided.DecidedByUserId, decided.DecidedAt));
        }

        await SetPagesAsync(document.Id, "Nothing at all.");
        Assert.DoesNotContain(await FindAsync(document.Id), m => m.TargetId == later.Id);
    }

    [Fact]
    public async Task The_public_sees_only_confirmed_names_in_documents_it_may_see_on_the_document_vendor_and_contract_pages()
    {
        var (request, vendor, other, _) = await SeedAsync();
        Contract contract;
        await using (var db = fixture.Open(Viewer.System))
        {
            contract = Build.Contract(await db.Agencies.SingleAsync(a => a.Id == request.AgencyId), await db.Vendors.SingleAsync(v => v.Id == vendor.Id));
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
        }

        var published = await AddDocumentAsync(request.Id, PublicationStatus.Published, $"{vendor.Name} invoice; {other.Name} quote.");
        var unpublished = await AddDocumentAsync(request.Id, PublicationStatus.Private, $"{vendor.Name} internal memo.");
        foreach (var document in new[] { published, unpublished })
        {
            var found = await FindAsync(document.Id);
            await using var db = fixture.Open(Viewer.Staff("attorney-1"));
            await DocumentMentions.DecideAsync(db, found.Single(m => m.TargetId == vendor.Id).Id, MentionStatus.Confirmed, Now);
        }

        await using (var visitor = fixture.Open(Viewer.Anonymous))
        {
            var shown = await DocumentMentions.ForDocumentAsync(visitor, published.Id);
            Assert.Equal([vendor.Id], shown.Select(m => m.TargetId)); // the other vendor is only a suggestion
            Assert.Empty(await DocumentMentions.ForDocumentAsync(visitor, unpublished.Id));
            var onVendorPage = await DocumentMentions.ForVendorAsync(visitor, vendor.Id, new PageRequest());
            Assert.Equal([published.Id], onVendorPage.Items.Select(d => d.DocumentId));
            Assert.Equal(1, onVendorPage.TotalCount);
            Assert.Equal([published.Id], (await DocumentMentions.ForContractAsync(visitor, contract, new PageRequest())).Items.Select(d => d.DocumentId));
            Assert.Empty((await DocumentMentions.ForVendorAsync(visitor, other.Id, new PageRequest())).Items);
        }

        await using (var staff = fixture.Open(Viewer.Staff("attorney-1")))
        {
            Assert.Equal(2, (await DocumentMentions.ForDocumentAsync(staff, published.Id)).Count);
            Assert.Equal(2, (await DocumentMentions.ForVendorAsync(staff, vendor.Id, new PageRequest())).TotalCount);
        }
    }

    [Fact]
    public async Task A_fact_near_a_vendors_name_is_copied_into_its_contract_and_a_wrong_field_contract_or_term_is_refused_with_nothing_saved()
    {
        var (request, vendor, other, _) = await SeedAsync();
        Contract contract, othersContract;
        await using (var db = fixture.Open(Viewer.System))
        {
            var agency = await db.Agencies.SingleAsync(a => a.Id == request.AgencyId);
            contract = Build.Contract(agency, await db.Vendors.SingleAsync(v => v.Id == vendor.Id));
            contract.StartsOn = new DateOnly(2024, 7, 1);
            othersContract = Build.Contract(agency, await db.Vendors.SingleAsync(v => v.Id == other.Id));
            db.Contracts.AddRange(contract, othersContract);
            await db.SaveChangesAsync();
        }

        var document = await AddDocumentAsync(request.Id, PublicationStatus.Private,
            $"{vendor.Name} order, Contract No. 2024-881, signed June 4, 2024, total $12,400.50.");
        var mention = Assert.Single(await FindAsync(document.Id));
        int IndexOf(ContractFactKind kind) => mention.Facts.ToList().FindIndex(f => f.Kind == kind);

        await using var staff = fixture.Open(Viewer.Staff("attorney-1"));
        Assert.Null(await DocumentMentions.CopyFactAsync(staff, mention.Id, IndexOf(ContractFactKind.Amount), contract.Id, ContractField.Amount));
        Assert.Null(await DocumentMentions.CopyFactAsync(staff, mention.Id, IndexOf(ContractFactKind.Number), contract.Id, ContractField.Number));
        Assert.Equal("An amount cannot go into the contract's start date.",
            await DocumentMentions.CopyFactAsync(staff, mention.Id, IndexOf(ContractFactKind.Amount), contract.Id, ContractField.StartsOn));
        Assert.Equal("That contract is with another vendor.",
            await DocumentMentions.CopyFactAsync(staff, mention.Id, IndexOf(ContractFactKind.Amount), othersContract.Id, ContractField.Amount));
        Assert.Equal("The contract would end (2024-06-04) before it starts (2024-07-01); nothing was changed.",
            await DocumentMentions.CopyFactAsync(staff, mention.Id, IndexOf(ContractFactKind.Date), contract.Id, ContractField.EndsOn));

        await using var check = fixture.Open(Viewer.System);
        var saved = await check.Contracts.AsNoTracking().SingleAsync(c => c.Id == contract.Id);
        Assert.Equal((12_400.50m, "2024-881", (DateOnly?)null), (saved.Amount, saved.Number, saved.EndsOn));
        Assert.Null((await check.Contracts.AsNoTracking().SingleAsync(c => c.Id == othersContract.Id)).Amount);
    }

    private async Task<(RecordsRequest Request, Vendor Named, Vendor AlsoNamed, Vendor NotNamed)> SeedAsync()
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(california), california);
        var (named, alsoNamed, notNamed) = (Build.Vendor(), Build.Vendor(), Build.Vendor());
        db.AddRange(request, named, alsoNamed, notNamed);
        await db.SaveChangesAsync();
        return (request, named, alsoNamed, notNamed);
    }

    private async Task<Vendor> ReloadVendorAsync(Guid id)
    {
        await using var db = fixture.Open(Viewer.System);
        return await db.Vendors.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    private async Task<Document> AddDocumentAsync(Guid requestId, PublicationStatus status, params string[] pages)
    {
        await using var db = fixture.Open(Viewer.System);
        var document = Build.Document(await db.Requests.SingleAsync(r => r.Id == requestId), status);
        document.ExtractedText = string.Join('\f', pages);
        document.PageCount = pages.Length;
        db.Documents.Add(document);
        await DocumentPageSearch.SetPagesAsync(db, document.Id, pages, new HashSet<int>());
        await db.SaveChangesAsync();
        return document;
    }

    private async Task SetPagesAsync(Guid documentId, params string[] pages)
    {
        await using var db = fixture.Open(Viewer.System);
        await DocumentPageSearch.SetPagesAsync(db, documentId, pages, new HashSet<int>(pages.Select((_, i) => i + 1)));
        await db.SaveChangesAsync();
    }

    private async Task<List<MentionView>> FindAsync(Guid documentId)
    {
        await using (var db = fixture.Open(Viewer.System))
        {
            await DocumentMentions.FindAsync(db, await DocumentMentions.MatcherAsync(db), documentId, Now);
        }

        await using var staff = fixture.Open(Viewer.Staff("attorney-1"));
        return await DocumentMentions.ForDocumentAsync(staff, documentId);
    }
}

public sealed class PostgresDocumentMentionTests(PostgresFixture fixture) : DocumentMentionTests<PostgresFixture>(fixture);

public sealed class SqliteDocumentMentionTests(SqliteFixture fixture) : DocumentMentionTests<SqliteFixture>(fixture);
