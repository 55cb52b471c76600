using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Correspondence;

/// <summary>What matching and filing read from a received message, already parsed.</summary>
public sealed record IncomingFacts(
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? From,
    IReadOnlyList<string> Recipients,
    string? Subject,
    string? Text,
    DateTimeOffset? Date);

/// <summary>A request a received message was matched to, and how.</summary>
public sealed record MailMatch(Guid RequestId, string How);

/// <summary>
/// Tells which request an agency's e-mail is about, most certain evidence first: the request's own reply address
/// (records+PRA-2026-0042@...), the reply chain of a letter the app sent, a reference in the subject, and the
/// agency's tracking number. A clue that points at two requests points at none.
/// </summary>
public static partial class ReplyMatching
{
    public const string ByPlusAddress = "plus-address";
    public const string ByReplyChain = "reply chain";
    public const string BySubject = "subject reference";
    public const string ByTrackingNumber = "agency tracking number";
    public const string ByHand = "by hand";

    /// <summary>Tracking numbers shorter than this ("12") would match by accident.</summary>
    public const int MinTrackingNumberLength = 4;

    public static async Task<MailMatch?> MatchAsync(PraTrackerDbContext db, IncomingFacts facts, CancellationToken ct = default)
    {
        foreach (var tag in facts.Recipients.Select(PlusTag).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await ByReferenceAsync(db, tag, ct) is { } id)
            {
                return new MailMatch(id, ByPlusAddress);
            }
        }

        var chain = new[] { facts.InReplyTo }.Concat(facts.References).OfType<string>().Where(id => id.Length > 0).Distinct().ToList();
        if (chain.Count > 0)
        {
            var requests = await db.EmailMessages
                .Where(m => m.MessageId != null && chain.Contains(m.MessageId) && m.RequestId != null)
                .Select(m => m.RequestId!.Value)
                .Distinct()
                .ToListAsync(ct);
            if (requests.Count == 1)
            {
                return new MailMatch(requests[0], ByReplyChain);
            }
        }

        foreach (var reference in ReferencesIn(facts.Subject))
        {
            if (await ByReferenceAsync(db, reference, ct) is { } id)
            {
                return new MailMatch(id, BySubject);
            }
        }

        var text = $"{facts.Subject}\n{facts.Text}";
        if (text.Length > 1)
        {
            var text100k = text.Length > 100_000 ? text[..100_000] : text;
            var tracked = await db.Requests
                .Where(r => r.AgencyTrackingNumber != null && r.AgencyTrackingNumber.Length >= MinTrackingNumberLength && text100k.Contains(r.AgencyTrackingNumber))
                .Select(r => r.Id)
                .Take(2)
                .ToListAsync(ct);
            if (tracked.Count == 1)
            {
                return new MailMatch(tracked[0], ByTrackingNumber);
            }
        }

        return null;
    }

    /// <summary>The tag of a plus-address ("PRA-2026-0042" in records+PRA-2026-0042@org.example); null for a plain address.</summary>
    public static string? PlusTag(string address)
    {
        var at = address.LastIndexOf('@');
        var local = at < 0 ? address : address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == local.Length - 1 ? null : local[(plus + 1)..];
    }

    /// <summary>Request references written in a text (PRA-2026-0042), upper-cased, in order.</summary>
    public static IEnumerable<string> ReferencesIn(string? text) =>
        string.IsNullOrEmpty(text) ? [] : ReferencePattern().Matches(text).Select(m => m.Value.ToUpperInvariant()).Distinct();

    private static async Task<Guid?> ByReferenceAsync(PraTrackerDbContext db, string reference, CancellationToken ct)
    {
        var upper = reference.Trim().ToUpperInvariant();
        return await db.Requests.Where(r => r.Reference.ToUpper() == upper).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }

    [GeneratedRegex(@"\b[A-Za-z]{2,8}-\d{4}-\d{3,6}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReferencePattern();
}
