using System.Text.RegularExpressions;

namespace PraTracker.Data.Correspondence;

/// <summary>
/// Reads exemption citations: finds them in an agency's reply ("Gov. Code § 7923.600", "5 U.S.C. § 552(b)(7)(E)",
/// "Exemption 7(E)", "(b)(5)") and splits a stored list of them back into one citation a line.
/// </summary>
internal static class ExemptionCitations
{
    /// <summary>How far (in characters) a citation may stand from the word that withholds ("exempt", "withheld") to count.</summary>
    public const int Reach = 300;

    private static readonly Regex Citation = new(
        // Federal code: 5 U.S.C. § 552(b)(7)(E).
        @"\b\d+\s*U\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?\d+[a-z]?(?:\s*\([A-Za-z0-9]+\))*"
        // Illinois: 5 ILCS 140/7(1)(c).
        + @"|\b\d+\s+ILCS\s+\d+/\d+(?:\.\d+)?(?:\s*\([A-Za-z0-9]+\))*"
        // Codes cited by initials and a dotted number: RCW 42.56.240(1), KRS 61.878(1)(a), MCL 15.243(1)(b).
        + @"|\b(?:RCW|ORS|MCL|KRS|NRS|RSMo|SDCL)\s+\d+(?:\.\d+)+[A-Za-z]?(?:\s*\([A-Za-z0-9]+\))*"
        // FOIA's exemptions by number, alone or in a list: Exemption 5, Exemptions 6 and 7(C).
        + @"|\b[Ee]xemptions?\s+\d(?:\([A-Za-z0-9]+\))*(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)\d(?:\([A-Za-z0-9]+\))*)*"
        // FOIA's exemptions by subsection: (b)(5), (b)(7)(E).
        + @"|\([bB]\)\s*\(\d\)(?:\s*\([A-Za-z]+\))*"
        // A section of a named code: Gov. Code § 7923.600, Government Code section 7922.000, Pub. Off. Law § 87(2)(e).
        + @"|(?:[A-Z][A-Za-z'.]*,?\s+){0,5}(?:§§?|[Ss]ections?|[Ss]ecs?\.)\s*\d+[A-Za-z]?(?:[.\-:/]\d+[A-Za-z]?)*(?:\s*\([A-Za-z0-9]+\))*",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex ExemptionNumber = new(@"\d(?:\([A-Za-z0-9]+\))*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Capitalised words that start a sentence rather than name a code ("Under Government Code section ...").</summary>
    private static readonly HashSet<string> NotPartOfACodeName = new(StringComparer.OrdinalIgnoreCase)
    {
        "Under", "Pursuant", "Per", "See", "Also", "The", "And", "Or", "In", "Of", "To", "By", "With", "Citing", "Cited", "Exempt", "Withheld",
    };

    /// <summary>The citations that stand within <see cref="Reach"/> of one of the anchors, distinct, in order of appearance.</summary>
    public static IReadOnlyList<string> FindNear(string text, IReadOnlyCollection<(int Start, int End)> anchors)
    {
        var found = new List<string>();
        foreach (Match match in Citation.Matches(text))
        {
            var (start, end) = (match.Index, match.Index + match.Length);
            if (anchors.Any(a => start - a.End <= Reach && a.Start - end <= Reach))
            {
                found.AddRange(Readable(match.Value));
            }
        }

        return Distinct(found);
    }

    /// <summary>
    /// A stored list of citations, one citation an item: split on ";" always, and on "," only where every part
    /// reads as a citation of its own ("5 U.S.C. § 552(b)(6), (b)(7)(C)"), not where it continues one
    /// ("Gov. Code § 7923.600, subd. (a)").
    /// </summary>
    public static IReadOnlyList<string> Split(string? stored)
    {
        var items = new List<string>();
        foreach (var piece in (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = piece.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts.All(StartsACitation))
            {
                items.AddRange(parts);
            }
            else
            {
                items.Add(piece);
            }
        }

        return Distinct(items.Select(i => Whitespace.Replace(i, " ")));
    }

    private static bool StartsACitation(string part) =>
        part.Any(char.IsDigit) && (char.IsUpper(part[0]) || char.IsDigit(part[0]) || part[0] is '§' or '(');

    private static IEnumerable<string> Readable(string citation)
    {
        citation = Whitespace.Replace(citation.Trim(), " ");
        if (citation.StartsWith("exemption", StringComparison.OrdinalIgnoreCase))
        {
            return ExemptionNumber.Matches(citation).Select(n => $"Exemption {n.Value}");
        }

        var words = citation.Split(' ');
        var first = 0;
        while (first < words.Length - 1 && NotPartOfACodeName.Contains(words[first]))
        {
            first++;
        }

        return [string.Join(' ', words[first..])];
    }

    private static List<string> Distinct(IEnumerable<string> items) => items.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
