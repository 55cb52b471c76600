using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Requests;

/// <summary>What a request letter is written from.</summary>
public sealed record LetterFacts(PublicRecordsLaw Law, string AgencyName, string RecordsSought, string RequesterName, DateOnly Date)
{
    /// <summary>The kinds of record asked for, as the letter lists them; empty for a letter that lists none.</summary>
    public IReadOnlyList<ChecklistEntry> Checklist { get; init; } = [];
}

/// <summary>
/// Drafts a request letter from the law's own terms: its citation, its response deadline in words, a fee-waiver
/// paragraph and a request for electronic records. The attorney edits the draft before it is saved.
/// </summary>
public static class RequestLetters
{
    public static string Compose(LetterFacts facts)
    {
        var law = facts.Law;
        var paragraphs = new List<string>
        {
            facts.Date.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture),
            $"To the records officer of the {facts.AgencyName}:",
            $"Under the {law.Name} ({law.Citation}), I request copies of the following records:",
            string.IsNullOrWhiteSpace(facts.RecordsSought) ? "[Describe the records you are asking for.]" : facts.RecordsSought.Trim(),
        };
        if (facts.Checklist.Count > 0)
        {
            paragraphs.Add("These records include:\n" + string.Join("\n", facts.Checklist.Select((item, i) => $"{i + 1}. {item.Wording}")));
        }

        paragraphs.AddRange(
        [
            ResponseParagraph(law),
            ElectronicParagraph(law),
            FeeParagraph(law),
            "If you withhold any record or part of a record, please cite the specific exemption for each withholding and release "
                + "every part that is not exempt. If you need clarification, please contact me rather than delay the response.",
            $"Thank you,\n{facts.RequesterName}",
        ]);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The response deadline in words, as the law sets it.</summary>
    public static string ResponseParagraph(PublicRecordsLaw law)
    {
        if (law.ResponseDays is not { } days)
        {
            return $"The law requires you to respond promptly ({law.Citation}). Please let me know when I can expect the records.";
        }

        var unit = law.ResponseDayCount == DayCount.Business ? "business days" : "calendar days";
        var what = law.ResponseKind switch
        {
            ResponseKind.Acknowledgement => "respond to this request",
            ResponseKind.Production => "provide the records",
            _ => "tell me whether you will disclose the records",
        };
        return $"The law requires you to {what} within {NumberInWords(days)} ({days}) {unit} of receiving this request ({law.Citation}).";
    }

    private static string ElectronicParagraph(PublicRecordsLaw law) => law.Code switch
    {
        "US-FED" => "Please provide the records in electronic form, in the format in which they are kept where possible (5 U.S.C. § 552(a)(3)(B)).",
        "US-CA" => "Please provide the records in electronic form, in any electronic format in which you hold them (Cal. Gov. Code § 7922.570).",
        _ => "Please provide the records in electronic form, in the format in which you hold them (spreadsheets as spreadsheets, e-mail with its attachments), by e-mail or a download link.",
    };

    private static string FeeParagraph(PublicRecordsLaw law) => law.Code switch
    {
        "US-FED" => "I ask for a waiver of all fees: disclosure is in the public interest because it is likely to contribute significantly to public "
            + "understanding of the operations and activities of the government, and it is not primarily in my commercial interest (5 U.S.C. § 552(a)(4)(A)(iii)).",
        "UK" => "If you estimate that answering would exceed the appropriate limit, please tell me how the request could be narrowed (Freedom of Information Act 2000, s. 16).",
        _ => "I ask that any fees be waived, because the records concern the government's use of surveillance technology and their release is in the public "
            + "interest; they are not sought for commercial use. If fees will exceed $25, please tell me before you incur them.",
    };

    private static string NumberInWords(int number) => number switch
    {
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        8 => "eight",
        9 => "nine",
        10 => "ten",
        14 => "fourteen",
        15 => "fifteen",
        20 => "twenty",
        21 => "twenty-one",
        30 => "thirty",
        _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
