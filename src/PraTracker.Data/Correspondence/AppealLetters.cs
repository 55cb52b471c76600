using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Correspondence;

/// <summary>What an appeal (or a request for reconsideration) of a denial is written from.</summary>
public sealed record AppealFacts(
    PublicRecordsLaw Law,
    string AgencyName,
    string Reference,
    string RequestTitle,
    DateOnly SentOn,
    DateOnly DeniedOn,
    string? ExemptionsCited,
    string? DenialSummary,
    string RequesterName,
    DateOnly Date,
    string? AgencyTrackingNumber);

/// <summary>
/// Drafts the administrative appeal of a denial: it names the denial, lists each exemption cited and asks for a
/// record-by-record justification, the release of every segregable part and a decision within the law's period.
/// Where the law gives no administrative appeal (California), it is honestly a request for reconsideration.
/// The attorney edits the draft before sending it.
/// </summary>
public static class AppealLetters
{
    public static string Compose(AppealFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var law = facts.Law;
        var federal = law.Code == "US-FED";
        var california = law.Code == "US-CA";
        var appeal = HasAppeal(law);
        var what = !appeal ? "Request for reconsideration" : law.Code == "UK" ? "Request for internal review" : "Appeal";
        var officer = appeal ? (law.Code == "UK" ? "Internal Review Officer" : federal ? "FOIA Appeals Officer" : "Appeals Officer") : LetterParts.RecordsOfficer(law);

        var paragraphs = new List<string>
        {
            LetterParts.Written(facts.Date),
            $"{officer}\n{facts.AgencyName.Trim()}",
            $"Re: {what}, {law.Name} request {facts.Reference.Trim()}{LetterParts.Tracking(facts.AgencyTrackingNumber)}: {facts.RequestTitle.Trim()}",
            $"Dear {officer}:",
            Denial(facts),
            Route(facts, appeal, california),
            Exemptions(facts, federal, california),
            Segregable(federal, california),
            Decision(facts, appeal, federal),
            "I would prefer to resolve this without litigation. If a conversation would help, for example about narrowing the request or "
                + "the order in which records are released, I am glad to have it.",
            $"Sincerely,\n{facts.RequesterName.Trim()}",
        };
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Whether the law gives an administrative appeal at all: a window to file one or a period to decide one.</summary>
    private static bool HasAppeal(PublicRecordsLaw law) => law.AppealWindowDays is not null || law.AppealDecisionDays is not null;

    private static string Denial(AppealFacts facts)
    {
        var said = string.IsNullOrWhiteSpace(facts.DenialSummary) ? "" : $" The denial said: \"{facts.DenialSummary.Trim()}\"";
        return $"On {LetterParts.Written(facts.SentOn)} I requested the records described above under the {facts.Law.Name} ({facts.Law.Citation}). "
            + $"On {LetterParts.Written(facts.DeniedOn)} the {facts.AgencyName.Trim()} denied the request.{said}";
    }

    private static string Route(AppealFacts facts, bool appeal, bool california)
    {
        if (california)
        {
            // No administrative appeal under the CPRA: the requester goes to court (Gov. Code § 7923.000).
            return "The California Public Records Act provides no administrative appeal; a requester's remedy is a petition to a court to "
                + "enforce the Act (Gov. Code § 7923.000). Before I consider that step, I ask you to reconsider the denial.";
        }

        if (!appeal)
        {
            return $"The {facts.Law.Name} provides no administrative appeal, so this is not an appeal: it is a request that you reconsider "
                + "the denial before I consider the other remedies the law provides.";
        }

        return facts.Law.Code == "UK"
            ? "I ask for an internal review of that decision."
            : "I appeal that denial.";
    }

    private static string Exemptions(AppealFacts facts, bool federal, bool california)
    {
        var cited = ExemptionCitations.Split(facts.ExemptionsCited);
        var burden = federal ? " (5 U.S.C. § 552(a)(4)(B))"
            : california ? " (Gov. Code § 7922.000)"
            : "";
        if (cited.Count == 0)
        {
            return "The denial cites no exemption. A record may be withheld only under a specific exemption, and the law places on the "
                + $"agency the burden of justifying any withholding{burden}. Please identify each record withheld and the exemption claimed "
                + "for it, with the reasons it applies, or release the records.";
        }

        var list = string.Join("\n", cited.Select(c => $"- {c}"));
        var harm = federal
            ? ", including the harm you reasonably foresee disclosure would cause to an interest the exemption protects (5 U.S.C. § 552(a)(8)(A)(i))"
            : "";
        return $"The denial cites {(cited.Count == 1 ? "this exemption" : "these exemptions")}:\n{list}\n\n"
            + $"A citation alone does not justify withholding; the agency bears the burden of showing that each exemption applies{burden}. "
            + "Please identify each record or part of a record withheld and, for each one, the exemption claimed and a specific explanation "
            + $"of how it applies to that record{harm}.";
    }

    private static string Segregable(bool federal, bool california) =>
        federal
            ? "Any reasonably segregable portion of a record must be released after deletion of the exempt portions, with the amount of "
                + "information deleted and the exemption for each deletion marked on the released record (5 U.S.C. § 552(b), final sentences). "
                + "Please release every such portion."
            : california
                ? "Any reasonably segregable portion of a record must be made available after deletion of the portions that are exempt "
                    + "(Gov. Code § 7922.525(b)). Please release every such portion, marking where and why anything was redacted."
                : "Please release every reasonably segregable part of the records that is not itself exempt, marking where and under which "
                    + "exemption anything was redacted, rather than withholding whole records.";

    private static string Decision(AppealFacts facts, bool appeal, bool federal)
    {
        var law = facts.Law;
        if (!appeal)
        {
            return $"Please tell me by {LetterParts.Written(LetterParts.ReplyBy(facts.Date))} whether you will reconsider, and release the records "
                + "or the parts of them that are not exempt.";
        }

        var review = law.Code == "UK" ? "review" : "appeal";
        if (law.AppealDecisionDays is not { } days)
        {
            return $"Please decide this {review} promptly.";
        }

        // The UK's internal review is not in the Act (only the ICO's guidance sets its 20 working days).
        var requirement = federal ? ", as the Act requires (5 U.S.C. § 552(a)(6)(A)(ii))" : law.Code == "UK" ? "" : ", as the law requires";
        return $"Please decide this {review} within {LetterParts.Days(days, law.AppealDecisionDayCount)} of receiving it{requirement}.";
    }
}
