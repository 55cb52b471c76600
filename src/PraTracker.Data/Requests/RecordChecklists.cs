using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Requests;

/// <summary>One kind of record as a letter asks for it.</summary>
public sealed record ChecklistEntry(RecordKind Kind, string Wording);

/// <summary>
/// The records a surveillance-technology request asks for, worded for the technology it concerns: which kinds of record
/// each technology category starts with, and how the letter asks for each.
/// </summary>
public static class RecordChecklists
{
    /// <summary>Every kind in the order letters list them.</summary>
    public static readonly IReadOnlyList<RecordKind> AllKinds = Enum.GetValues<RecordKind>();

    /// <summary>What attorneys call each kind of record.</summary>
    public static string NameOf(RecordKind kind) => kind switch
    {
        RecordKind.Contract => "Contract",
        RecordKind.Mou => "MOU",
        RecordKind.InvoicesAndPurchaseOrders => "Invoices and purchase orders",
        RecordKind.PoliciesAndTraining => "Policies and training",
        RecordKind.AuditLogs => "Audit or search logs",
        RecordKind.DataSharingAgreements => "Data-sharing agreements",
        RecordKind.NonDisclosureAgreements => "Non-disclosure agreements",
        RecordKind.VendorCorrespondence => "Vendor correspondence",
        RecordKind.CouncilApprovals => "Council approvals",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The kinds a request about this technology category starts with: every kind, except that tracking pixels on a web
    /// site have no search log and seldom an MOU. The attorney adds or removes kinds before the letter is written.
    /// </summary>
    public static IReadOnlyList<RecordKind> DefaultKindsFor(string? categoryCode) => categoryCode switch
    {
        "tracking-pixels" => [RecordKind.Contract, RecordKind.InvoicesAndPurchaseOrders, RecordKind.PoliciesAndTraining,
            RecordKind.DataSharingAgreements, RecordKind.VendorCorrespondence, RecordKind.CouncilApprovals],
        _ => AllKinds,
    };

    /// <summary>
    /// The checklist as the letter words it. <paramref name="subject"/> names what the request is about ("Spokeo",
    /// "Clearview AI or any face-recognition technology"); the category sharpens the wording of the logs.
    /// </summary>
    public static IReadOnlyList<ChecklistEntry> Word(IEnumerable<RecordKind> kinds, string subject, string? categoryCode) =>
        kinds.Distinct().Order().Select(kind => new ChecklistEntry(kind, Wording(kind, subject, categoryCode))).ToList();

    /// <summary>The checklist as a letter words it: about the vendors named, or else the technology category, or else the records described.</summary>
    public static async Task<IReadOnlyList<ChecklistEntry>> WordAsync(
        PraTrackerDbContext db, IReadOnlyCollection<RecordKind> kinds, IReadOnlyCollection<Guid> vendorIds, string? categoryCode, CancellationToken ct = default)
    {
        if (kinds.Count == 0)
        {
            return [];
        }

        var vendors = await db.Vendors.Where(v => vendorIds.Contains(v.Id)).OrderBy(v => v.Name).Select(v => v.Name).ToListAsync(ct);
        var category = await db.TechnologyCategories.Where(c => c.Code == categoryCode).Select(c => c.Name).SingleOrDefaultAsync(ct);
        var subject = vendors.Count > 0
            ? string.Join(" or ", vendors)
            : category is not null ? $"any technology of the kind “{category}”" : "the technology described above";
        return Word(kinds, subject, categoryCode);
    }

    private static string Wording(RecordKind kind, string subject, string? categoryCode) => kind switch
    {
        RecordKind.Contract => $"Every contract, agreement, amendment, renewal, statement of work, license and terms of service concerning {subject}, including any free trial.",
        RecordKind.Mou => $"Every memorandum of understanding or interagency agreement concerning {subject}.",
        RecordKind.InvoicesAndPurchaseOrders => $"Every invoice, purchase order, quote, receipt and record of payment concerning {subject}.",
        RecordKind.PoliciesAndTraining => $"Every policy, procedure, directive, training material, user guide and use-approval record governing the use of {subject}.",
        RecordKind.AuditLogs => LogWording(subject, categoryCode),
        RecordKind.DataSharingAgreements => $"Every agreement or record of sharing data with or through {subject}, including with other agencies.",
        RecordKind.NonDisclosureAgreements => $"Every non-disclosure or confidentiality agreement concerning {subject}.",
        RecordKind.VendorCorrespondence => $"All correspondence, including e-mail and its attachments, with the vendor of {subject} or its representatives.",
        RecordKind.CouncilApprovals => $"Every agenda item, staff report, resolution and minutes of a council, board or commission approving or discussing {subject}.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string LogWording(string subject, string? categoryCode) => categoryCode switch
    {
        "face-recognition" => $"Audit logs of every search run in {subject}: the date, the user, the case number or stated reason, and whether a match was used.",
        "people-search" => $"Audit logs of every search run in {subject}: the date, the user, the case number or stated reason for each search.",
        "license-plate-readers" => $"Audit logs of every query of the plate data of {subject}, and the records of data retained and shared.",
        "social-media-monitoring" or "online-personas" => $"Logs of the accounts, keywords and people monitored with {subject}, and of the online accounts or personas used.",
        _ => $"Audit and usage logs of {subject}: the date, the user and the reason for each use.",
    };
}
