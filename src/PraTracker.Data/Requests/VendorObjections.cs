using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Requests;

/// <summary>What an attorney records about a vendor's objection to release.</summary>
public sealed record VendorObjectionInput(
    Guid VendorId,
    DateOnly ObjectedOn,
    ObjectionGrounds Grounds,
    string? Details = null,
    DateOnly? NoticeDeadline = null,
    DateOnly? CourtDeadline = null,
    string? CourtCase = null,
    DateOnly? ResolvedOn = null);

/// <summary>A vendor's objection as the request page lists it.</summary>
public sealed record VendorObjectionRow(
    Guid Id, Guid VendorId, string VendorName, DateOnly ObjectedOn, ObjectionGrounds Grounds, string? Details,
    DateOnly? NoticeDeadline, DateOnly? CourtDeadline, string? CourtCase, DateOnly? ResolvedOn)
{
    /// <summary>The row as the form edits it.</summary>
    public VendorObjectionInput ToInput() => new(VendorId, ObjectedOn, Grounds, Details, NoticeDeadline, CourtDeadline, CourtCase, ResolvedOn);
}

/// <summary>The outcome of an objection change: the problems with the input, keyed by the field they belong to, or none once saved.</summary>
public sealed record ObjectionResult(IReadOnlyDictionary<string, string> Errors, Guid? Id = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static ObjectionResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Records vendors' objections to release and keeps the dates they set (the agency's notice deadline to the requester,
/// a court's date) as the request's deadlines, in the same save: moved when the objection is edited, removed with the
/// date or the objection, closed when it is resolved. They are the requester's dates, never the agency's.
/// </summary>
public static class VendorObjections
{
    public const int MaxDetailsLength = 8000;
    public const int MaxCourtCaseLength = 300;

    /// <summary>The deadline kinds an objection gives; no other code derives or edits them.</summary>
    public static readonly IReadOnlyList<DeadlineKind> DeadlineKinds = [DeadlineKind.ObjectionNotice, DeadlineKind.ObjectionCourtDate];

    /// <summary>The grounds in the words an attorney uses ("trade secret").</summary>
    public static string GroundsName(ObjectionGrounds grounds) => grounds switch
    {
        ObjectionGrounds.TradeSecret => "trade secret",
        ObjectionGrounds.NonDisclosureAgreement => "non-disclosure agreement",
        ObjectionGrounds.ReverseFoiaSuit => "reverse-FOIA suit",
        ObjectionGrounds.Security => "security",
        _ => "other grounds",
    };

    /// <summary>A request's objections, oldest first, through the visibility filter.</summary>
    public static async Task<IReadOnlyList<VendorObjectionRow>> ListAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default) =>
        await db.VendorObjections.AsNoTracking()
            .Where(o => o.RequestId == requestId)
            .OrderBy(o => o.ObjectedOn).ThenBy(o => o.LoggedAt)
            .Select(o => new VendorObjectionRow(o.Id, o.VendorId, o.Vendor.Name, o.ObjectedOn, o.Grounds, o.Details, o.NoticeDeadline, o.CourtDeadline, o.CourtCase, o.ResolvedOn))
            .ToListAsync(ct);

    /// <summary>Every problem with the input, keyed by field, in words an attorney can act on; empty when it can be saved.</summary>
    public static IReadOnlyDictionary<string, string> Validate(VendorObjectionInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (input.VendorId == Guid.Empty)
        {
            errors[nameof(input.VendorId)] = "Choose the vendor that objects.";
        }

        if (input.ObjectedOn > today)
        {
            errors[nameof(input.ObjectedOn)] = $"{input.ObjectedOn:yyyy-MM-dd} is in the future; record the objection once it is made.";
        }

        if (!Enum.IsDefined(input.Grounds))
        {
            errors[nameof(input.Grounds)] = "Choose the grounds of the objection.";
        }

        if (input.Details?.Length > MaxDetailsLength)
        {
            errors[nameof(input.Details)] = $"The details are {input.Details.Length:N0} characters; keep them to {MaxDetailsLength:N0}.";
        }

        if (input.CourtCase?.Length > MaxCourtCaseLength)
        {
            errors[nameof(input.CourtCase)] = $"Keep the court case to {MaxCourtCaseLength} characters.";
        }

        if (input.NoticeDeadline < input.ObjectedOn)
        {
            errors[nameof(input.NoticeDeadline)] = $"The notice deadline ({input.NoticeDeadline:yyyy-MM-dd}) is before the objection itself ({input.ObjectedOn:yyyy-MM-dd}).";
        }

        if (input.CourtDeadline < input.ObjectedOn)
        {
            errors[nameof(input.CourtDeadline)] = $"The court date ({input.CourtDeadline:yyyy-MM-dd}) is before the objection itself ({input.ObjectedOn:yyyy-MM-dd}).";
        }

        if (input.ResolvedOn is { } resolved)
        {
            if (resolved > today)
            {
                errors[nameof(input.ResolvedOn)] = $"{resolved:yyyy-MM-dd} is in the future; mark the objection resolved once it is.";
            }
            else if (resolved < input.ObjectedOn)
            {
                errors[nameof(input.ResolvedOn)] = $"It cannot be resolved ({resolved:yyyy-MM-dd}) before it was made ({input.ObjectedOn:yyyy-MM-dd}).";
            }
        }

        return errors;
    }

    /// <summary>Records a new objection and its deadlines; nothing is saved if the input is refused.</summary>
    public static Task<ObjectionResult> AddAsync(PraTrackerDbContext db, Guid requestId, VendorObjectionInput input, DateTimeOffset now, DateOnly today, CancellationToken ct = default) =>
        SaveAsync(db, requestId, null, input, now, today, ct);

    /// <summary>Changes an objection; its deadlines move, appear, go or close with its dates in the same save.</summary>
    public static Task<ObjectionResult> UpdateAsync(PraTrackerDbContext db, Guid objectionId, VendorObjectionInput input, DateOnly today, CancellationToken ct = default) =>
        SaveAsync(db, null, objectionId, input, default, today, ct);

    /// <summary>Marks an objection resolved (withdrawn, overruled, decided): its open deadlines close on that date.</summary>
    public static async Task<ObjectionResult> ResolveAsync(PraTrackerDbContext db, Guid objectionId, DateOnly resolvedOn, DateOnly today, CancellationToken ct = default)
    {
        var objection = await db.VendorObjections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return ObjectionResult.Refused("", "That objection no longer exists or you cannot see it.");
        }

        var input = new VendorObjectionInput(objection.VendorId, objection.ObjectedOn, objection.Grounds, objection.Details,
            objection.NoticeDeadline, objection.CourtDeadline, objection.CourtCase, resolvedOn);
        return await UpdateAsync(db, objectionId, input, today, ct);
    }

    /// <summary>Removes an objection recorded by mistake, and the deadlines it gave.</summary>
    public static async Task<bool> RemoveAsync(PraTrackerDbContext db, Guid objectionId, CancellationToken ct = default)
    {
        var objection = await db.VendorObjections.SingleOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return false;
        }

        // Removed explicitly rather than left to the cascade, so the audit trail records each deadline going.
        db.Deadlines.RemoveRange(await db.Deadlines.Where(d => d.SourceObjectionId == objectionId).ToListAsync(ct));
        db.VendorObjections.Remove(objection);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Makes an objection's deadlines match its dates: one per date set, explained from the objection; open until
    /// the date passes (then missed), closed when the objection is resolved.
    /// </summary>
    public static void SynchroniseDeadlines(PraTrackerDbContext db, VendorObjection objection, string vendorName, IList<Deadline> stored, DateOnly today)
    {
        foreach (var (kind, dueOn) in new[] { (DeadlineKind.ObjectionNotice, objection.NoticeDeadline), (DeadlineKind.ObjectionCourtDate, objection.CourtDeadline) })
        {
            var deadline = stored.FirstOrDefault(d => d.Kind == kind);
            if (dueOn is not { } due)
            {
                if (deadline is not null)
                {
                    db.Deadlines.Remove(deadline);
                }

                continue;
            }

            if (deadline is null)
            {
                deadline = new Deadline { RequestId = objection.RequestId, SourceObjectionId = objection.Id, Kind = kind, Explanation = "" };
                db.Deadlines.Add(deadline);
            }

            deadline.DueOn = due;
            deadline.Explanation = Explain(objection, vendorName, kind, due);
            (deadline.Status, deadline.ClosedOn) = objection.ResolvedOn switch
            {
                { } resolved => (resolved <= due ? DeadlineStatus.Met : DeadlineStatus.Missed, (DateOnly?)resolved),
                null => (due < today ? DeadlineStatus.Missed : DeadlineStatus.Open, null),
            };
        }
    }

    /// <summary>Where an objection's deadline comes from, in one sentence.</summary>
    public static string Explain(VendorObjection objection, string vendorName, DeadlineKind kind, DateOnly dueOn)
    {
        var objected = $"{vendorName} objected on {objection.ObjectedOn:yyyy-MM-dd} ({GroundsName(objection.Grounds)})";
        return kind == DeadlineKind.ObjectionNotice
            ? $"{objected}; the agency's notice gives until {dueOn:yyyy-MM-dd} to respond."
            : $"{objected}; the court set {dueOn:yyyy-MM-dd}{(string.IsNullOrWhiteSpace(objection.CourtCase) ? "" : $" in {objection.CourtCase}")}.";
    }

    private static async Task<ObjectionResult> SaveAsync(
        PraTrackerDbContext db, Guid? requestId, Guid? objectionId, VendorObjectionInput input, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var errors = Validate(input, today);
        if (errors.Count > 0)
        {
            return new ObjectionResult(errors);
        }

        var vendorName = await db.Vendors.Where(v => v.Id == input.VendorId).Select(v => v.Name).SingleOrDefaultAsync(ct);
        if (vendorName is null)
        {
            return ObjectionResult.Refused(nameof(input.VendorId), "That vendor no longer exists; choose another.");
        }

        VendorObjection objection;
        if (objectionId is { } id)
        {
            if (await db.VendorObjections.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } found)
            {
                return ObjectionResult.Refused("", "That objection no longer exists or you cannot see it.");
            }

            objection = found;
        }
        else
        {
            if (!await db.Requests.AnyAsync(r => r.Id == requestId, ct))
            {
                return ObjectionResult.Refused("", "That request does not exist or you cannot see it.");
            }

            objection = new VendorObjection { RequestId = requestId!.Value, LoggedAt = now };
            db.VendorObjections.Add(objection);
        }

        objection.VendorId = input.VendorId;
        objection.ObjectedOn = input.ObjectedOn;
        objection.Grounds = input.Grounds;
        objection.Details = string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim();
        objection.NoticeDeadline = input.NoticeDeadline;
        objection.CourtDeadline = input.CourtDeadline;
        objection.CourtCase = string.IsNullOrWhiteSpace(input.CourtCase) ? null : input.CourtCase.Trim();
        objection.ResolvedOn = input.ResolvedOn;

        var stored = objectionId is null ? [] : await db.Deadlines.Where(d => d.SourceObjectionId == objection.Id).ToListAsync(ct);
        SynchroniseDeadlines(db, objection, vendorName, stored, today);
        await db.SaveChangesAsync(ct);
        return new ObjectionResult(new Dictionary<string, string>(), objection.Id);
    }
}
