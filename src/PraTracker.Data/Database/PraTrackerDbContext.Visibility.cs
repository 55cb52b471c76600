using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Auditing;
using PraTracker.Data.Campaigns;
using PraTracker.Data.Contracts;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Exemptions;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Database;

// The one place that decides what an anonymous visitor may see. Every query of every page, feed,
// export and API goes through these filters; nothing private is filtered out page by page.
public abstract partial class PraTrackerDbContext
{
    /// <summary>The instant embargoes are compared with; read once per query.</summary>
    internal DateTimeOffset Now => _clock.GetUtcNow();

    private bool SeesPrivate => Viewer.SeesPrivate;

    private void ApplyVisibilityFilters(ModelBuilder builder)
    {
        builder.Entity<RecordsRequest>().HasQueryFilter(r => SeesPrivate || r.Visibility == RequestVisibility.Public);

        // What hangs off a request is visible when its request is. Written as EXISTS on the request rather than
        // through the Request navigation: a navigation is an inner join that stays in every staff query, where
        // "SeesPrivate OR EXISTS (...)" is folded away by PostgreSQL once it knows SeesPrivate is true.
        builder.Entity<RequestEvent>().HasQueryFilter(e => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == e.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<Deadline>().HasQueryFilter(d => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == d.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<RequestContract>().HasQueryFilter(l => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == l.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<RequestVendor>().HasQueryFilter(l => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == l.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<RequestTechnologyCategory>().HasQueryFilter(l => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == l.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<ChecklistItem>().HasQueryFilter(i => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == i.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<VendorObjection>().HasQueryFilter(o => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == o.RequestId && r.Visibility == RequestVisibility.Public));

        // A withholding log is the agency's own account of what it withheld: public with its request. The document it
        // names keeps its own filter, so an unpublished document is never linked from it.
        builder.Entity<Withholding>().HasQueryFilter(w => SeesPrivate || Set<RecordsRequest>().Any(r => r.Id == w.RequestId && r.Visibility == RequestVisibility.Public));
        builder.Entity<WithholdingExemption>().HasQueryFilter(l => SeesPrivate || Set<Withholding>().Any(w => w.Id == l.WithholdingId));

        // A campaign is public only when marked so; inside a public campaign a visitor still sees only public requests.
        builder.Entity<Campaign>().HasQueryFilter(c => SeesPrivate || c.Visibility == RequestVisibility.Public);
        builder.Entity<CampaignMember>().HasQueryFilter(m => SeesPrivate);

        // A published document is public only once its embargo has passed, and only on a public
        // request: publishing a file must not reveal that a private request exists.
        builder.Entity<Document>().HasQueryFilter(d => SeesPrivate
            || (d.PublicationStatus == PublicationStatus.Published
                && (d.EmbargoUntil == null || d.EmbargoUntil <= Now)
                && Set<RecordsRequest>().Any(r => r.Id == d.RequestId && r.Visibility == RequestVisibility.Public)));

        // A page is seen with its document; the document's own filter applies inside this one.
        builder.Entity<DocumentPage>().HasQueryFilter(p => SeesPrivate || Set<Document>().Any(d => d.Id == p.DocumentId));

        // A confirmed mention is a public link wherever its document is public; suggestions and rejections are staff work.
        builder.Entity<DocumentMention>().HasQueryFilter(m => SeesPrivate
            || (m.Status == MentionStatus.Confirmed && Set<Document>().Any(d => d.Id == m.DocumentId)));

        // Who works on what, who follows what, who was reminded and who changed what are staff matters only.
        builder.Entity<RequestAssignment>().HasQueryFilter(a => SeesPrivate);
        builder.Entity<Follow>().HasQueryFilter(f => SeesPrivate);
        builder.Entity<ReminderDispatch>().HasQueryFilter(d => SeesPrivate);
        builder.Entity<AuditEntry>().HasQueryFilter(e => SeesPrivate);

        // Correspondence names people and addresses: staff only, even on a public request.
        builder.Entity<EmailMessage>().HasQueryFilter(m => SeesPrivate);
        builder.Entity<MailboxState>().HasQueryFilter(s => SeesPrivate);
    }
}
