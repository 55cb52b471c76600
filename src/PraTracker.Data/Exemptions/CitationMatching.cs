using System.Text.RegularExpressions;
using PraTracker.Data.Correspondence;

namespace PraTracker.Data.Exemptions;

/// <summary>A library exemption as a withholding names it and a picker offers it.</summary>
public sealed record ExemptionRef(Guid Id, string Citation, string ShortName);

/// <summary>The library exemptions a response's cited text names, and the citations left over that the library lacks.</summary>
public sealed record PrepickedExemptions(IReadOnlyList<Guid> ExemptionIds, IReadOnlyList<string> OtherCitations);

/// <summary>
/// Tells whether a citation as an agency wrote it names a library exemption, ignoring spacing, case and the ways
/// the same section is written: "Exemption 7(E)", "(b)(7)(E)" and "5 U.S.C. § 552(b)(7)(E)" are one exemption,
/// as are "Government Code section 7923.600" and "Gov. Code § 7923.600"; a subdivision ("§ 7923.600(a)") names its section.
/// </summary>
public static partial class CitationMatching
{
    /// <summary>Picks the library exemptions an event's "exemptions cited" text names; what matches none is returned as written.</summary>
    public static PrepickedExemptions Prepick(string? exemptionsCited, IReadOnlyList<ExemptionRef> library)
    {
        var ids = new List<Guid>();
        var others = new List<string>();
        foreach (var cited in ExemptionCitations.Split(exemptionsCited))
        {
            var matches = library.Where(e => Matches(cited, e.Citation)).Select(e => e.Id).ToList();
            if (matches.Count == 0)
            {
                others.Add(cited);
            }

            ids.AddRange(matches.Where(id => !ids.Contains(id)));
        }

        return new PrepickedExemptions(ids, others);
    }

    /// <summary>Whether <paramref name="cited"/> names the exemption the library cites as <paramref name="libraryCitation"/> (or a subdivision of it).</summary>
    public static bool Matches(string cited, string libraryCitation)
    {
        var (citedCode, citedSection) = Key(cited);
        var (libraryCode, librarySection) = Key(libraryCitation);
        if (citedSection.Length == 0 || librarySection.Length == 0)
        {
            return false;
        }

        // A bare section number ("§ 7923.600") is taken to be of the library's code; two named codes must agree.
        var sameCode = citedCode.Length == 0 || citedCode == libraryCode;
        return sameCode && (citedSection == librarySection
            || (citedSection.StartsWith(librarySection, StringComparison.Ordinal) && citedSection[librarySection.Length] == '('));
    }

    /// <summary>The code a citation names (empty when none) and its section, in one spelling.</summary>
    internal static (string Code, string Section) Key(string citation)
    {
        var text = Noise().Replace(citation.ToLowerInvariant(), "");
        if (FoiaExemptionNumber().Match(text) is { Success: true } number)
        {
            return ("foia", $"(b)({number.Groups[1].Value}){number.Groups[2].Value}");
        }

        var foia = text.IndexOf("552(b)", StringComparison.Ordinal);
        if (foia >= 0)
        {
            return ("foia", text[(foia + 3)..]);
        }

        if (text.StartsWith("(b)(", StringComparison.Ordinal))
        {
            return ("foia", text);
        }

        var section = SectionNumber().Match(text);
        if (!section.Success)
        {
            return ("", "");
        }

        var code = text[..section.Index] switch
        {
            "" => "",
            var name when name.StartsWith("gov", StringComparison.Ordinal) => "gov",
            var name when name.StartsWith("evid", StringComparison.Ordinal) => "evid",
            var name when name.StartsWith("pen", StringComparison.Ordinal) => "pen",
            var name => name,
        };
        return (code, section.Value);
    }

    // Spacing, the section sign and words that only introduce a section; "cal." or "california" before a code name.
    [GeneratedRegex(@"\s+|§|\bsections?\b|\bsecs?\.|^cal(?:ifornia|\.)|code|'")]
    private static partial Regex Noise();

    [GeneratedRegex(@"^exemptions?(\d)((?:\([a-z0-9]+\))*)$")]
    private static partial Regex FoiaExemptionNumber();

    [GeneratedRegex(@"\d+(?:\.\d+)*(?:\([a-z0-9]+\))*")]
    private static partial Regex SectionNumber();
}
