using System.Globalization;
using System.Text;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Correspondence;

/// <summary>What a follow-up letter on a missed deadline is written from.</summary>
public sealed record FollowUpFacts(
    PublicRecordsLaw Law,
    string AgencyName,
    string Reference,
    string RequestTitle,
    DateOnly SentOn,
    DateOnly MissedDueOn,
    DeadlineKind MissedKind,
    string RequesterName,
    DateOnly Date,
    string? AgencyTrackingNumber);

/// <summary>
/// Drafts the letter an attorney sends when an agency has missed a deadline: it names the request, the date it was
/// sent and the date that passed, cites the law's time limit and asks for the records or a determination by a short
/// date. Each law may keep its own template with placeholders such as {agency}; without one, the default is used.
/// </summary>
public static class FollowUpLetters
{
    public const int MaxTemplateLength = 10_000;

    /// <summary>Every placeholder a template may use, braces included, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
    [
        "{date}", "{agency}", "{reference}", "{tracking}", "{title}", "{sent}", "{due}", "{days_late}", "{missed}", "{reply_by}",
        "{law}", "{citation}", "{response_rule}", "{requester}",
    ];

    private static readonly HashSet<string> Names = Placeholders.Select(p => p[1..^1]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The letter, from the law's template or, when it has none, from <see cref="DefaultTemplate"/>.</summary>
    public static string Compose(FollowUpFacts facts, string? template)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = string.IsNullOrWhiteSpace(template) ? DefaultTemplate(facts.Law) : template;
        return Fill(text.Replace("\r\n", "\n", StringComparison.Ordinal), Values(facts), errors: null);
    }

    /// <summary>
    /// Every problem with a template, in words an attorney can act on; empty when it can be saved. Placeholders are
    /// written in braces ({agency}); a brace itself is written twice ({{ or }}).
    /// </summary>
    public static IReadOnlyList<string> Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return ["The template is empty. Write the letter, or clear the template to use the default letter."];
        }

        var errors = new List<string>();
        if (template.Length > MaxTemplateLength)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"The template is {template.Length:N0} characters long; keep it to {MaxTemplateLength:N0}."));
        }

        Fill(template.Replace("\r\n", "\n", StringComparison.Ordinal), Names.ToDictionary(n => n, _ => "", StringComparer.OrdinalIgnoreCase), errors);
        return errors.Distinct().ToList();
    }

    /// <summary>The letter the law gets when no template is stored for it, as a template an attorney can start from.</summary>
    public static string DefaultTemplate(PublicRecordsLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.Code switch
        {
            "US-FED" => Federal,
            "US-CA" => California,
            _ => Generic,
        };
    }

    // 5 U.S.C. § 552(a)(6)(A)(i): 20 working days to determine; (a)(6)(C)(i): a missed time limit is constructive
    // exhaustion; (a)(4)(A)(viii): no search fees after a missed time limit (with exceptions for unusual
    // circumstances); (a)(7)(B)(ii): the requester may ask for an estimated date of completion.
    private const string Federal = """
        {date}

        FOIA Officer
        {agency}

        Re: Freedom of Information Act request {reference}{tracking}: {title}

        Dear FOIA Officer:

        On {sent} I submitted the request above under the Freedom of Information Act. As of today I have not received {missed}, which was due on {due}, {days_late} ago.

        The Act requires an agency to determine within 20 business days of receiving a request (excepting Saturdays, Sundays and legal public holidays) whether it will comply, and to notify the requester of that determination and the reasons for it (5 U.S.C. § 552(a)(6)(A)(i)). Because the agency has not met the Act's time limit, I may treat the request's administrative remedies as constructively exhausted and seek judicial review without further notice (5 U.S.C. § 552(a)(6)(C)(i)). Having missed that limit, the agency also generally may not assess search fees (5 U.S.C. § 552(a)(4)(A)(viii)).

        Please send the responsive records, or your determination with the specific exemption for anything you withhold, by {reply_by}. If that is not possible, please tell me by then the estimated date on which the agency will complete action on the request (5 U.S.C. § 552(a)(7)(B)(ii)). I would prefer to resolve this without litigation, and I am glad to discuss narrowing the request or a schedule of rolling productions if that would help.

        Sincerely,
        {requester}
        """;

    // Gov. Code § 7922.535(a): 10 days to determine and give the estimated date of release; (b): one extension of at
    // most 14 days, by written notice with reasons; § 7922.530(a): records made promptly available; § 7923.000: the
    // requester's petition to a court.
    private const string California = """
        {date}

        Custodian of Records
        {agency}

        Re: California Public Records Act request {reference}{tracking}: {title}

        Dear Custodian of Records:

        On {sent} I requested the records described above under the California Public Records Act. As of today I have not received {missed}, which was due on {due}, {days_late} ago.

        Within 10 days of receiving a request, an agency must determine whether it seeks disclosable public records in the agency's possession, promptly notify the requester of that determination and the reasons for it, and state the estimated date and time when the records will be made available (Gov. Code § 7922.535(a)). That period may be extended only in unusual circumstances, by written notice setting forth the reasons and the date on which a determination is expected, and by no more than 14 days (Gov. Code § 7922.535(b)). Disclosable records must then be made promptly available (Gov. Code § 7922.530(a)).

        Please send the records, or your determination and the reasons for it, by {reply_by}. If you need more time to produce records you have decided to disclose, please tell me by then when each part will be available. I am glad to discuss narrowing the request or a schedule of rolling production; I would much prefer that to asking a court to enforce the Act (Gov. Code § 7923.000).

        Sincerely,
        {requester}
        """;

    private const string Generic = """
        {date}

        Records Officer
        {agency}

        Re: Public records request {reference}{tracking}: {title}

        Dear Records Officer:

        On {sent} I requested the records described above under the {law} ({citation}). As of today I have not received {missed}, which was due on {due}, {days_late} ago.

        {response_rule}

        Please send the records, or your decision on the request with the specific legal basis for anything you withhold, by {reply_by}. If you need more time, please tell me by then when I can expect each part of the response. I am glad to discuss narrowing the request or a schedule of rolling production if that would help, but the request should not wait any longer.

        Sincerely,
        {requester}
        """;

    private static Dictionary<string, string> Values(FollowUpFacts facts)
    {
        var daysLate = Math.Max(0, facts.Date.DayNumber - facts.MissedDueOn.DayNumber);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["date"] = LetterParts.Written(facts.Date),
            ["agency"] = facts.AgencyName.Trim(),
            ["reference"] = facts.Reference.Trim(),
            ["tracking"] = LetterParts.Tracking(facts.AgencyTrackingNumber),
            ["title"] = facts.RequestTitle.Trim(),
            ["sent"] = LetterParts.Written(facts.SentOn),
            ["due"] = LetterParts.Written(facts.MissedDueOn),
            ["days_late"] = daysLate == 1 ? "1 day" : $"{daysLate.ToString(CultureInfo.InvariantCulture)} days",
            ["missed"] = Missed(facts.MissedKind),
            ["reply_by"] = LetterParts.Written(LetterParts.ReplyBy(facts.Date)),
            ["law"] = facts.Law.Name,
            ["citation"] = facts.Law.Citation,
            ["response_rule"] = RequestLetters.ResponseParagraph(facts.Law),
            ["requester"] = facts.RequesterName.Trim(),
        };
    }

    /// <summary>What the agency owed, as it reads after "I have not received".</summary>
    private static string Missed(DeadlineKind kind) => kind switch
    {
        DeadlineKind.InitialResponse => "the response the law requires",
        DeadlineKind.ExtendedResponse => "your response at the end of the extension you took",
        DeadlineKind.PromisedProduction => "the records you said you would provide",
        DeadlineKind.AppealDecision => "a decision on my appeal",
        DeadlineKind.Working => "your response by the date we agreed",
        _ => "a response",
    };

    /// <summary>
    /// Replaces each {placeholder} with its value. What cannot be replaced (an unknown name, a lone brace) is left as
    /// written, so a draft never hides a mistake; with <paramref name="errors"/> each one is also described.
    /// </summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> values, List<string>? errors)
    {
        var text = new StringBuilder(template.Length);
        var line = 1;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            var next = i + 1 < template.Length ? template[i + 1] : '\0';
            if (c == '{' && next == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (c == '}' && next == '}')
            {
                text.Append('}');
                i += 2;
            }
            else if (c == '}')
            {
                errors?.Add($"Line {line}: a }} has no opening {{. Placeholders are written like {{agency}}; to write a brace itself, double it (}}}}).");
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOfAny(['{', '}', '\n'], i + 1);
                if (end < 0 || template[end] != '}')
                {
                    errors?.Add($"Line {line}: a {{ is never closed. Placeholders are written like {{agency}}; to write a brace itself, double it ({{{{).");
                    text.Append(c);
                    i++;
                    continue;
                }

                var name = template[(i + 1)..end].Trim();
                if (values.TryGetValue(name, out var value))
                {
                    text.Append(value);
                }
                else
                {
                    errors?.Add(Unknown(name, line));
                    text.Append(template, i, end - i + 1);
                }

                i = end + 1;
            }
            else
            {
                if (c == '\n')
                {
                    line++;
                }

                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    private static string Unknown(string name, int line)
    {
        if (name.Length == 0)
        {
            return $"Line {line}: empty braces {{}}. Write a placeholder between them, such as {{agency}}.";
        }

        var shown = name.Length > 40 ? name[..40] + "..." : name;
        var closest = Names.MinBy(known => Distance(known, name.ToLowerInvariant()));
        var suggestion = closest is not null && Distance(closest, name.ToLowerInvariant()) <= 2 ? $" Did you mean {{{closest}}}?" : "";
        return $"Line {line}: {{{shown}}} is not a placeholder.{suggestion} The placeholders are {string.Join(", ", Placeholders)}.";
    }

    /// <summary>Edits between two short names (Levenshtein), to suggest the placeholder a typo meant.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
