using System.Text.RegularExpressions;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Correspondence;

/// <summary>
/// How an agency's reply might be logged: the kind of event (null when nothing suggests one), the reasons in
/// words, the date the agency seems to promise and the exemptions it cites.
/// </summary>
public sealed record ReplySuggestion(RequestEventKind? Kind, IReadOnlyList<string> Reasons, DateOnly? Date, string? DateAsWritten, string? Exemptions);

/// <summary>
/// Suggests how to log an agency's e-mail reply from the phrases in it. It only suggests: the attorney confirms
/// the kind, the date and the exemptions before anything is logged.
/// </summary>
public static class ReplySuggestions
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>A phrase that points to a kind of reply; weak ones count only when no strong one is found.</summary>
    private enum Cue
    {
        Acknowledged,
        Extension,
        Clarification,
        Fee,
        Withholding,
        PartlyHeldBack,
        Delivered,
        RecordsEnclosed,
        ProductionComplete,
        WeakClarification,
        WeakFee,
        WeakEnclosure,
    }

    /// <summary>What, in the words just before a phrase, makes it not (yet) true: every phrase yields to a negation.</summary>
    private enum Doubt
    {
        NegationOnly,

        /// <summary>"if any records are exempt", "we may need additional time".</summary>
        Conditional,

        /// <summary>A conditional, or a promise: "we expect to release the first installment", "records will be redacted".</summary>
        Prospective,
    }

    private sealed record Phrase(Cue Cue, Regex Pattern, Doubt Doubt);

    private sealed record Found(Cue Cue, string Text, int Start, int End);

    private static readonly Phrase[] Phrases =
    [
        P(Cue.Acknowledged, @"\b(?:received|receipt of) your (?:\w+ )?(?:records |foia |public records )?request\b"),
        P(Cue.Acknowledged, @"\b(?:acknowledges?|confirms?) (?:the )?receipt\b"),
        P(Cue.Acknowledged, @"\bwe are in receipt\b"),
        P(Cue.Acknowledged, @"\bhas been assigned\b"),
        P(Cue.Acknowledged, @"\bassigned (?:the )?(?:tracking|request|reference|control) (?:number|no\.?)"),

        // "We may need additional time" in an acknowledgement is a warning, not a notice.
        P(Cue.Extension, @"\bextension\b", Doubt.Conditional),
        P(Cue.Extension, @"\bextend(?:s|ed|ing)? (?:the )?(?:time|deadline|date|period|response)", Doubt.Conditional),
        P(Cue.Extension, @"\bextended to\b", Doubt.Conditional),
        P(Cue.Extension, @"\bunusual circumstances\b", Doubt.Conditional),
        P(Cue.Extension, @"\badditional time\b", Doubt.Conditional),
        P(Cue.Extension, @"\bmore time\b", Doubt.Conditional),
        P(Cue.Extension, @"\b\d+ (?:additional|more) (?:business |working |calendar )?days\b", Doubt.Conditional),

        P(Cue.Clarification, @"\bclarif(?:y|ies|ied|ication)\b"),
        P(Cue.Clarification, @"\bplease specify\b"),
        P(Cue.Clarification, @"\bmore specific\b"),
        P(Cue.WeakClarification, @"\bnarrow(?:s|ed|ing)?\b"),

        P(Cue.Fee, @"\bestimated (?:cost|fees?|charges?)\b"),
        P(Cue.Fee, @"\b(?:cost|fee) estimate\b"),
        P(Cue.Fee, @"\bdeposit\b"),
        P(Cue.Fee, @"\bpayment of \$"),
        P(Cue.Fee, @"\b(?:advance payment|prepayment)\b"),
        P(Cue.WeakFee, @"\bfees?\b"),

        // "If any records are exempt, we will cite the exemption" promises, it does not deny.
        P(Cue.Withholding, @"\bexempt(?:ed|ion|ions)?\b", Doubt.Conditional),
        P(Cue.Withholding, @"\bwithheld\b", Doubt.Conditional),
        P(Cue.Withholding, @"\bwithhold(?:s|ing)?\b", Doubt.Conditional),
        P(Cue.Withholding, @"\bden(?:y|ies|ied|ying|ial)\b", Doubt.Conditional),
        P(Cue.Withholding, @"\bno (?:responsive records|records responsive)\b", Doubt.Conditional),
        P(Cue.Withholding, @"\bno (?:responsive )?records (?:were|have been) (?:found|located|identified)\b", Doubt.Conditional),
        P(Cue.Withholding, @"\b(?:did not|could not|unable to) (?:find|locate|identify) any (?:responsive )?records\b", Doubt.Conditional),

        P(Cue.PartlyHeldBack, @"\bpartially\b", Doubt.Prospective),
        P(Cue.PartlyHeldBack, @"\bin part\b", Doubt.Prospective),
        P(Cue.PartlyHeldBack, @"\bredact(?:ed|ion|ions)\b", Doubt.Prospective),
        P(Cue.PartlyHeldBack, @"\bportions (?:of (?:the |these )?records )?(?:were |have been |are |being )?withheld\b", Doubt.Prospective),
        P(Cue.PartlyHeldBack, @"\b(?:first|second|third|next) installment\b", Doubt.Prospective),
        P(Cue.PartlyHeldBack, @"\b(?:interim|rolling) (?:release|production|response|basis)\b", Doubt.Prospective),

        P(Cue.Delivered, @"\b(?:attached|enclosed|produced|released)\b", Doubt.Prospective),
        P(Cue.Delivered, @"\bfirst installment\b", Doubt.Prospective),
        P(Cue.Delivered, @"\b(?:available for download|download link)\b", Doubt.Prospective),

        P(Cue.RecordsEnclosed, @"\b(?:attached|enclosed) (?:are|is|please find|you will find) (?:the |all |copies of the )?(?:responsive |requested )?(?:records|documents)\b", Doubt.Prospective),
        P(Cue.RecordsEnclosed, @"\b(?:responsive |requested )?(?:records|documents) (?:are|is|have been) (?:attached|enclosed)\b", Doubt.Prospective),
        P(Cue.RecordsEnclosed, @"\bplease find (?:attached|enclosed) (?:the |all |copies of the )?(?:responsive |requested )(?:records|documents)\b", Doubt.Prospective),

        P(Cue.ProductionComplete, @"\bproduction is (?:now )?complete\b", Doubt.Prospective),
        P(Cue.ProductionComplete, @"\bfinal (?:production|release|installment)\b", Doubt.Prospective),
        P(Cue.ProductionComplete, @"\bcomplet(?:es|ed) (?:our|the|this|your) production\b", Doubt.Prospective),

        P(Cue.WeakEnclosure, @"\b(?:enclosed|attached) please find\b"),
        P(Cue.WeakEnclosure, @"\bplease find (?:enclosed|attached)\b"),
    ];

    /// <summary>"not exempt", "isn't exempt", "no fee", "cannot extend": the phrase is said not to apply.</summary>
    private static readonly Regex Negation = new(@"\b(?:not|never|cannot)\b|n[’']t\b|\bno\s*$", Options);

    private const string ConditionalWords = "if|whether|may|might|unless";

    /// <summary>"if any records are exempt", "we may need additional time": the phrase is only a possibility.</summary>
    private static readonly Regex Conditional = new($@"\b(?:{ConditionalWords})\b", Options);

    private static readonly Regex FeeWaiver = new(@"\bwaiv", Options);

    /// <summary>"we will release", "expect to produce the first installment", "once redacted": not done yet.</summary>
    private static readonly Regex Prospective = new($@"\b(?:{ConditionalWords}|will|would|shall|expects?|anticipates?|once|upon|when|to be)\b|'ll\b", Options);

    /// <summary>The suggestion for a reply received on <paramref name="receivedOn"/>; never throws, whatever the text.</summary>
    public static ReplySuggestion Suggest(string? subject, string? body, DateOnly receivedOn)
    {
        var reply = ReplyText.Read(subject, body);
        var passedOver = new List<string>();
        var found = FindCues(reply.Text, passedOver);
        var (kind, decisive) = Decide(found);

        var reasons = new List<string>();
        if (kind is { } k)
        {
            reasons.AddRange(Quoted(decisive).Select(text => $"mentions \"{text}\""));
            var others = found.Where(f => !decisive.Contains(f) && KindOf(f.Cue) is { } other && other != k);
            reasons.AddRange(others
                .DistinctBy(f => f.Text.ToLowerInvariant())
                .Select(f => $"also mentions \"{f.Text}\", which alone would suggest {Name(KindOf(f.Cue)!.Value)}"));
        }
        else
        {
            reasons.Add("no phrase suggests what kind of response this is; choose one");
        }

        reasons.AddRange(passedOver);
        reasons.AddRange(reply.Notes);

        DateOnly? date = null;
        string? dateAsWritten = null;
        if (kind is { } withDate && RequestTimeline.KindsWithPromisedDate.Contains(withDate))
        {
            (date, dateAsWritten) = PromisedDate(reply.Text, receivedOn, reasons);
        }

        string? exemptions = null;
        if (kind is { } withExemptions && RequestTimeline.KindsWithExemptions.Contains(withExemptions))
        {
            var anchors = found.Where(f => f.Cue is Cue.Withholding or Cue.PartlyHeldBack).Select(f => (f.Start, f.End)).ToList();
            var cited = ExemptionCitations.FindNear(reply.Text, anchors);
            exemptions = cited.Count == 0 ? null : string.Join("; ", cited);
        }

        return new ReplySuggestion(kind, reasons, date, dateAsWritten, exemptions);
    }

    /// <summary>
    /// Picks the kind from the cues found, most telling first. What the agency did with the records outranks what it
    /// says about time or money, because a denial or a production nearly always also acknowledges the request and
    /// often mentions fees; a request that waits on the requester outranks a mere change of date; an
    /// acknowledgement is what is left.
    /// <list type="number">
    /// <item>Final production: it says the production is complete ("final production"), even with parts withheld,
    /// since that ends the agency's duties; the withholdings go in the exemptions.</item>
    /// <item>Partial production: records delivered ("attached", "enclosed", "produced", "first installment") with
    /// parts held back ("partially", "redacted", "portions withheld"), or the responsive records enclosed while
    /// something is withheld or exempt.</item>
    /// <item>Denial: "exempt", "withheld", "denied", "no responsive records".</item>
    /// <item>Final production: the responsive records are enclosed and nothing is held back.</item>
    /// <item>Clarification request, then fee estimate: the agency waits on the requester, which stops the clock
    /// under many laws and needs an answer.</item>
    /// <item>Extension notice, which nearly always acknowledges the request too; then acknowledgement.</item>
    /// <item>Only when none of those is found, the weak cues in this order: "fee" (fee estimate), "narrow"
    /// (clarification), "please find attached" (final production). FOIA extension notices must offer to narrow
    /// the request and often mention fees in passing, so these alone must not outrank them.</item>
    /// </list>
    /// </summary>
    private static (RequestEventKind? Kind, IReadOnlyList<Found> Decisive) Decide(IReadOnlyList<Found> found)
    {
        List<Found> Of(params Cue[] cues) => found.Where(f => cues.Contains(f.Cue)).ToList();

        var complete = Of(Cue.ProductionComplete);
        var heldBack = Of(Cue.PartlyHeldBack);
        var delivered = Of(Cue.Delivered, Cue.RecordsEnclosed);
        var enclosed = Of(Cue.RecordsEnclosed);
        var withholding = Of(Cue.Withholding);

        if (complete.Count > 0)
        {
            return (RequestEventKind.FinalProduction, complete);
        }

        if (heldBack.Count > 0 && delivered.Count > 0)
        {
            return (RequestEventKind.PartialProduction, [.. heldBack, .. delivered]);
        }

        if (enclosed.Count > 0 && withholding.Count > 0)
        {
            return (RequestEventKind.PartialProduction, [.. enclosed, .. withholding]);
        }

        Cue[] order =
        [
            Cue.Withholding, Cue.RecordsEnclosed, Cue.Clarification, Cue.Fee, Cue.Extension, Cue.Acknowledged,
            Cue.WeakFee, Cue.WeakClarification, Cue.WeakEnclosure,
        ];
        foreach (var cue in order)
        {
            if (Of(cue) is { Count: > 0 } decisive)
            {
                return (KindOf(cue), decisive);
            }
        }

        return (null, []);
    }

    /// <summary>The kind a cue points to on its own; records delivered or partly held back only count together.</summary>
    private static RequestEventKind? KindOf(Cue cue) => cue switch
    {
        Cue.Acknowledged => RequestEventKind.Acknowledged,
        Cue.Extension => RequestEventKind.ExtensionNotice,
        Cue.Clarification or Cue.WeakClarification => RequestEventKind.ClarificationRequested,
        Cue.Fee or Cue.WeakFee => RequestEventKind.FeeEstimate,
        Cue.Withholding => RequestEventKind.Denial,
        Cue.RecordsEnclosed or Cue.ProductionComplete or Cue.WeakEnclosure => RequestEventKind.FinalProduction,
        _ => null,
    };

    private static string Name(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Acknowledged => "an acknowledgement",
        RequestEventKind.ExtensionNotice => "an extension notice",
        RequestEventKind.ClarificationRequested => "a request for clarification",
        RequestEventKind.FeeEstimate => "a fee estimate",
        RequestEventKind.PartialProduction => "a partial production",
        RequestEventKind.FinalProduction => "a final production",
        RequestEventKind.Denial => "a denial",
        _ => kind.ToString(),
    };

    private static List<Found> FindCues(string text, List<string> passedOver)
    {
        var found = new List<Found>();
        foreach (var phrase in Phrases)
        {
            foreach (Match match in phrase.Pattern.Matches(text))
            {
                var before = ClauseBefore(text, match.Index);
                var doubt = Negation.IsMatch(before) ? "negated"
                    : phrase.Cue is Cue.Fee or Cue.WeakFee or Cue.Withholding && AboutFeeWaiver(text, match) ? "about a fee waiver, not a fee or a withholding"
                    : phrase.Doubt == Doubt.Conditional && Conditional.IsMatch(before) ? "only a possibility"
                    : phrase.Doubt == Doubt.Prospective && Prospective.IsMatch(before) ? "not done yet"
                    : null;
                if (doubt is null)
                {
                    found.Add(new Found(phrase.Cue, Collapse(match.Value), match.Index, match.Index + match.Length));
                }
                else if (passedOver.Count < 10)
                {
                    var said = Collapse($"{before.TrimStart()}{match.Value}");
                    var note = $"passes over \"{said}\": {doubt}";
                    if (!passedOver.Contains(note))
                    {
                        passedOver.Add(note);
                    }
                }
            }
        }

        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>
    /// "Your request for a fee waiver is denied", "fees are waived": neither a fee estimate nor a denial of records,
    /// and FOIA acknowledgements discuss fee waivers all the time.
    /// </summary>
    private static bool AboutFeeWaiver(string text, Match match) =>
        FeeWaiver.IsMatch(Clause.Before(text, match.Index, 40)) || FeeWaiver.IsMatch(match.Value) || FeeWaiver.IsMatch(Clause.After(text, match.Index + match.Length, 30));

    /// <summary>Up to four words before a phrase, in its own clause: where "not" or "if" would change its sense.</summary>
    private static string ClauseBefore(string text, int index)
    {
        var before = Clause.Before(text, index, 40);
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4 ? before : string.Join(' ', words[^4..]) + " ";
    }

    private static (DateOnly?, string?) PromisedDate(string text, DateOnly receivedOn, List<string> reasons)
    {
        // Dates on or before the day the reply came are the request's own date or the agency's letterhead.
        var later = WrittenDates.Find(text).Where(d => d.Date > receivedOn).ToList();
        var cued = later.Select(d => (Date: d, Cue: WrittenDates.CueBefore(text, d))).FirstOrDefault(c => c.Cue is not null);
        var chosen = cued.Date ?? later.FirstOrDefault();
        if (chosen is null)
        {
            return (null, null);
        }

        reasons.Add(cued.Date is not null
            ? $"takes \"{chosen.AsWritten}\" as the promised date: it follows \"{cued.Cue}\""
            : $"takes \"{chosen.AsWritten}\" as the promised date: the first date after the reply came on {LetterParts.Written(receivedOn)}");
        if (chosen.WrongWeekday is { } named)
        {
            reasons.Add($"the message says {named}, but {LetterParts.Written(chosen.Date)} is a {chosen.Date.DayOfWeek}; check which the agency meant");
        }

        return (chosen.Date, chosen.AsWritten);
    }

    private static IEnumerable<string> Quoted(IEnumerable<Found> found) => found.Select(f => f.Text).Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A phrase whose spaces match any run of whitespace, line breaks included: e-mail wraps lines anywhere.</summary>
    private static Phrase P(Cue cue, string pattern, Doubt doubt = Doubt.NegationOnly) =>
        new(cue, new Regex(pattern.Replace(" ", @"\s+", StringComparison.Ordinal), Options), doubt);
}
