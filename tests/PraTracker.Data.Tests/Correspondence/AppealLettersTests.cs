using PraTracker.Data.Correspondence;
using PraTracker.Data.Deadlines;

namespace PraTracker.Tests.Correspondence;

/// <summary>Appeals of a denial, and the honest request for reconsideration where the law gives no appeal.</summary>
public sealed class AppealLettersTests
{
    private static AppealFacts Facts(PublicRecordsLaw law, string? exemptions = "Exemption 5; Exemption 7(E)", string? summary = null, string? tracking = null) => new(
        law,
        "U.S. Immigration and Customs Enforcement",
        "PRA-2026-0002",
        "Social-media monitoring contracts",
        new DateOnly(2026, 3, 2),
        new DateOnly(2026, 4, 20),
        exemptions,
        summary,
        "Jane Doe, Example Legal Fund",
        new DateOnly(2026, 5, 4),
        tracking);

    [Fact]
    public void A_federal_appeal_lists_each_exemption_asks_for_a_record_by_record_justification_and_segregable_parts_within_20_days()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Federal(), tracking: "2026-ICFO-12345"));

        Assert.StartsWith("May 4, 2026\n\nFOIA Appeals Officer\nU.S. Immigration and Customs Enforcement\n\n", letter, StringComparison.Ordinal);
        Assert.Contains("Re: Appeal, Freedom of Information Act request PRA-2026-0002 (your reference 2026-ICFO-12345): Social-media monitoring contracts", letter);
        Assert.Contains("On April 20, 2026 the U.S. Immigration and Customs Enforcement denied the request.", letter);
        Assert.Contains("I appeal that denial.", letter);
        Assert.Contains("The denial cites these exemptions:\n- Exemption 5\n- Exemption 7(E)\n", letter);
        Assert.Contains("for each one, the exemption claimed and a specific explanation of how it applies to that record", letter);
        Assert.Contains("5 U.S.C. § 552(a)(8)(A)(i)", letter);
        Assert.Contains("reasonably segregable portion", letter);
        Assert.Contains("(5 U.S.C. § 552(b), final sentences)", letter);
        Assert.Contains("Please decide this appeal within 20 business days of receiving it, as the Act requires (5 U.S.C. § 552(a)(6)(A)(ii)).", letter);
        Assert.EndsWith("Sincerely,\nJane Doe, Example Legal Fund", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void In_california_it_is_a_request_for_reconsideration_that_says_the_remedy_is_a_court_petition()
    {
        var letter = AppealLetters.Compose(Facts(Laws.California(), exemptions: "Gov. Code § 7923.600"));

        Assert.Contains("Dear Custodian of Records:", letter);
        Assert.Contains("Re: Request for reconsideration, California Public Records Act request PRA-2026-0002: Social-media monitoring contracts", letter);
        Assert.Contains("The California Public Records Act provides no administrative appeal", letter);
        Assert.Contains("(Gov. Code § 7923.000)", letter);
        Assert.Contains("I ask you to reconsider the denial", letter);
        Assert.Contains("The denial cites this exemption:\n- Gov. Code § 7923.600\n", letter);
        Assert.Contains("(Gov. Code § 7922.525(b))", letter);
        Assert.Contains("Please tell me by May 14, 2026 whether you will reconsider", letter);
        Assert.DoesNotContain("I appeal", letter);
        Assert.DoesNotContain("decide this appeal", letter);
        Assert.DoesNotContain("552", letter);
    }

    [Fact]
    public void Another_law_without_an_appeal_says_so_instead_of_pretending_to_appeal()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Generic(appealWindowDays: null, appealDecisionDays: null)));

        Assert.Contains("Re: Request for reconsideration, Example Open Records Act request PRA-2026-0002", letter);
        Assert.Contains("The Example Open Records Act provides no administrative appeal, so this is not an appeal", letter);
        Assert.DoesNotContain("I appeal", letter);
        Assert.Contains("reasonably segregable part of the records", letter);
    }

    [Fact]
    public void A_state_appeal_asks_for_a_decision_within_the_laws_period()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Generic(appealWindowDays: 30, appealDecisionDays: 10)));

        Assert.Contains("Dear Appeals Officer:", letter);
        Assert.Contains("I appeal that denial.", letter);
        Assert.Contains("Please decide this appeal within 10 business days of receiving it, as the law requires.", letter);
        Assert.DoesNotContain("552", letter);
    }

    [Fact]
    public void A_law_with_a_decision_period_but_no_filing_window_still_has_an_appeal()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Generic(appealWindowDays: null, appealDecisionDays: 2)));

        Assert.Contains("I appeal that denial.", letter);
        Assert.Contains("within 2 business days of receiving it", letter);
    }

    [Fact]
    public void An_appeal_the_law_sets_no_decision_period_for_asks_for_a_prompt_decision()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Generic(appealWindowDays: 60, appealDecisionDays: null)));

        Assert.Contains("Please decide this appeal promptly.", letter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ; ")]
    public void A_denial_citing_no_exemption_is_told_the_law_requires_it_to_justify_withholding(string? exemptions)
    {
        var letter = AppealLetters.Compose(Facts(Laws.Federal(), exemptions: exemptions));

        Assert.Contains("The denial cites no exemption.", letter);
        Assert.Contains("the burden of justifying any withholding (5 U.S.C. § 552(a)(4)(B))", letter);
        Assert.DoesNotContain("- ", letter);
    }

    [Fact]
    public void In_california_the_burden_cites_the_acts_justification_rule()
    {
        var letter = AppealLetters.Compose(Facts(Laws.California(), exemptions: null));

        Assert.Contains("the burden of justifying any withholding (Gov. Code § 7922.000)", letter);
    }

    [Fact]
    public void Citations_stored_with_commas_are_split_only_where_each_part_is_a_citation()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Federal(), exemptions: "5 U.S.C. § 552(b)(6), (b)(7)(C); Gov. Code § 7923.600, subd. (a); deliberative process privilege"));

        Assert.Contains("- 5 U.S.C. § 552(b)(6)\n- (b)(7)(C)\n- Gov. Code § 7923.600, subd. (a)\n- deliberative process privilege\n", letter);
    }

    [Fact]
    public void The_same_citation_stored_twice_is_listed_once()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Federal(), exemptions: "Exemption 5; EXEMPTION  5, Exemption 6"));

        Assert.Contains("these exemptions:\n- Exemption 5\n- Exemption 6\n", letter);
    }

    [Fact]
    public void The_denials_own_words_are_quoted()
    {
        var letter = AppealLetters.Compose(Facts(Laws.Federal(), summary: "  Records withheld in full under Exemption 7(E).  "));

        Assert.Contains("denied the request. The denial said: \"Records withheld in full under Exemption 7(E).\"", letter);
    }

    [Fact]
    public void The_uk_gets_a_request_for_internal_review()
    {
        var uk = Laws.Generic(appealWindowDays: 40, appealDecisionDays: 20);
        uk.Code = "UK";

        var letter = AppealLetters.Compose(Facts(uk));

        Assert.Contains("Re: Request for internal review,", letter);
        Assert.Contains("I ask for an internal review of that decision.", letter);
        Assert.Contains("Please decide this review within 20 business days of receiving it.", letter);
    }
}
