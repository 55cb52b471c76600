using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Auditing;
using PraTracker.Data.Campaigns;
using PraTracker.Data.Contracts;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Exemptions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Database;

/// <summary>The app's database, shared by both providers; what a query may return depends on its <see cref="Viewer"/>.</summary>
public abstract partial class PraTrackerDbContext : IdentityDbContext<PraTrackerUser>, IDataProtectionKeyContext
{
    private readonly TimeProvider _clock;

    protected PraTrackerDbContext(DbContextOptions options, TimeProvider clock)
        : base(options)
    {
        _clock = clock;
    }

    /// <summary>Who the queries of this context run for. Anonymous until told otherwise, so a forgotten call shows less, never more.</summary>
    public Viewer Viewer { get; private set; } = Viewer.Anonymous;

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<PublicRecordsLaw> Laws => Set<PublicRecordsLaw>();
    public DbSet<HolidayCalendar> HolidayCalendars => Set<HolidayCalendar>();
    public DbSet<HolidayRule> HolidayRules => Set<HolidayRule>();
    public DbSet<HolidayClosure> HolidayClosures => Set<HolidayClosure>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<TechnologyCategory> TechnologyCategories => Set<TechnologyCategory>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<RecordsRequest> Requests => Set<RecordsRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestAssignment> RequestAssignments => Set<RequestAssignment>();
    public DbSet<RequestContract> RequestContracts => Set<RequestContract>();
    public DbSet<RequestVendor> RequestVendors => Set<RequestVendor>();
    public DbSet<RequestTechnologyCategory> RequestTechnologyCategories => Set<RequestTechnologyCategory>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignMember> CampaignMembers => Set<CampaignMember>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<VendorObjection> VendorObjections => Set<VendorObjection>();
    public DbSet<Exemption> Exemptions => Set<Exemption>();
    public DbSet<Withholding> Withholdings => Set<Withholding>();
    public DbSet<WithholdingExemption> WithholdingExemptions => Set<WithholdingExemption>();
    public DbSet<ReminderDispatch> ReminderDispatches => Set<ReminderDispatch>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentPage> DocumentPages => Set<DocumentPage>();
    public DbSet<DocumentMention> DocumentMentions => Set<DocumentMention>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<MailboxState> MailboxStates => Set<MailboxState>();

    /// <summary>ASP.NET Core's data-protection keys, shared by every instance so a cookie made by one is read by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Runs this context's queries for the given viewer.</summary>
    public PraTrackerDbContext ViewAs(Viewer viewer)
    {
        Viewer = viewer;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PraTrackerDbContext).Assembly);
        ApplyVisibilityFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var now = _clock.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries<IConcurrencyStamped>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.ConcurrencyStamp = Guid.NewGuid();
        }

        foreach (var entry in ChangeTracker.Entries<RecordsRequest>())
        {
            if (entry.State == EntityState.Added && entry.Entity.CreatedAt == default)
            {
                entry.Entity.CreatedAt = now;
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
            }
        }

        AuditTrail.Record(ChangeTracker, Viewer.UserId, now);
    }
}
