using PraTracker.Data.Exemptions;

namespace PraTracker.Tests.Exemptions;

/// <summary>Matching an agency's citation to the library, whatever its spelling.</summary>
public sealed class CitationMatchingTests
{
    [Theory]
    [InlineData("5 U.S.C. § 552(b)(7)(E)", "5 U.S.C. § 552(b)(7)(E)")]
    [InlineData("5 usc 552 (b)(7)(e)", "5 U.S.C. § 552(b)(7)(E)")]
    [InlineData("Exemption 7(E)", "5 U.S.C. § 552(b)(7)(E)")]
    [InlineData("(b)(7)(E)", "5 U.S.C. § 552(b)(7)(E)")]
    [InlineData("Government Code section 7923.600", "Gov. Code § 7923.600")]
    [InlineData("Cal. Gov. Code §7923.600(a)", "Gov. Code § 7923.600")]
    [InlineData("§ 7922.000", "Gov. Code § 7922.000")]
    [InlineData("Evidence Code section 1040", "Evid. Code § 1040")]
    public void A_citation_written_another_way_names_the_same_library_exemption(string cited, string library) =>
        Assert.True(CitationMatching.Matches(cited, library));

    [Theory]
    [InlineData("Exemption 7(C)", "5 U.S.C. § 552(b)(7)(E)")]
    [InlineData("(b)(7)", "5 U.S.C. § 552(b)(7)(E)")]
    [InlineData("Exemption 5", "Gov. Code § 7923.600")]
    [InlineData("Gov. Code § 7923.605", "Gov. Code § 7923.600")]
    [InlineData("Evid. Code § 1040", "Gov. Code § 1040")]
    [InlineData("officer safety", "Gov. Code § 7922.000")]
    public void A_different_section_or_code_is_not_a_match(string cited, string library) =>
        Assert.False(CitationMatching.Matches(cited, library));

    [Fact]
    public void Prepicking_selects_the_library_exemptions_named_and_keeps_the_rest_as_written()
    {
        var library = new[]
        {
            new ExemptionRef(Guid.NewGuid(), "5 U.S.C. § 552(b)(6)", "Exemption 6"),
            new ExemptionRef(Guid.NewGuid(), "5 U.S.C. § 552(b)(7)(C)", "Exemption 7(C)"),
            new ExemptionRef(Guid.NewGuid(), "5 U.S.C. § 552(b)(7)(E)", "Exemption 7(E)"),
        };

        var picked = CitationMatching.Prepick("Exemption 7(E); 5 U.S.C. § 552(b)(6), (b)(7)(C); 28 C.F.R. § 16.4", library);

        Assert.Equal([library[2].Id, library[0].Id, library[1].Id], picked.ExemptionIds);
        Assert.Equal(["28 C.F.R. § 16.4"], picked.OtherCitations);
    }
}
