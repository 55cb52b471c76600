using System.Globalization;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Correspondence;

/// <summary>Follow-up letters on a missed deadline: the defaults for each kind of law, and templates an attorney writes.</summary>
public sealed class FollowUpLettersTests
{
    // Sent and received Mon 2026-03-02; federal response due Mon 2026-03-30 (20 working days); letter of Mon 2026-04-13.
    private static FollowUpFacts Facts(PublicRecordsLaw law, string? tracking = "2026-FOIA-0123", DeadlineKind missed = DeadlineKind.InitialResponse, DateOnly? date = null) => new(
        law,
        "Federal Bureau of Investigation",
        "PRA-2026-0001",
        "Clearview AI contracts and trial accounts",
        new DateOnly(2026, 3, 2),
        new DateOnly(2026, 3, 30),
        missed,
        "Jane Doe, Example Legal Fund",
        date ?? new DateOnly(2026, 4, 13),
        tracking);

    public static TheoryData<string> Codes => new() { "US-FED", "US-CA", "US-ZZ" };

    private static PublicRecordsLaw Law(string code) => code switch
    {
        "US-FED" => Laws.Federal(),
        "US-CA" => Laws.California(),
        _ => Laws.Generic(),
    };

    [Fact]
    public void The_federal_letter_cites_the_20_business_day_rule_and_constructive_exhaustion()
    {
        var letter = FollowUpLetters.Compose(Facts(Laws.Federal()), template: null);

        Assert.StartsWith("April 13, 2026\n\nFOIA Officer\nFederal Bureau of Investigation\n\n", letter, StringComparison.Ordinal);
        Assert.Contains("Re: Freedom of Information Act request PRA-2026-0001 (your reference 2026-FOIA-0123): Clearview AI contracts and trial accounts", letter);
        Assert.Contains("On March 2, 2026 I submitted the request", letter);
        Assert.Contains("I have not received the response the law requires, which was due on March 30, 2026, 14 days ago.", letter);
        Assert.Contains("within 20 business days", letter);
        Assert.Contains("5 U.S.C. § 552(a)(6)(A)(i)", letter);
        Assert.Contains("constructively exhausted", letter);
        Assert.Contains("5 U.S.C. § 552(a)(6)(C)(i)", letter);
        Assert.Contains("by April 23, 2026", letter);
        Assert.Contains("narrowing the request", letter);
        Assert.EndsWith("Sincerely,\nJane Doe, Example Legal Fund", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void The_california_letter_cites_the_10_day_rule_and_the_14_day_extension_by_written_notice()
    {
        var letter = FollowUpLetters.Compose(Facts(Laws.California()), template: null);

        Assert.Contains("Dear Custodian of Records:", letter);
        Assert.Contains("Re: California Public Records Act request PRA-2026-0001 (your reference 2026-FOIA-0123)", letter);
        Assert.Contains("Within 10 days of receiving a request", letter);
        Assert.Contains("Gov. Code § 7922.535(a)", letter);
        Assert.Contains("unusual circumstances, by written notice setting forth the reasons", letter);
        Assert.Contains("no more than 14 days (Gov. Code § 7922.535(b))", letter);
        Assert.Contains("which was due on March 30, 2026, 14 days ago", letter);
        Assert.Contains("by April 23, 2026", letter);
        Assert.DoesNotContain("552", letter);
    }

    [Fact]
    public void The_generic_letter_cites_the_law_and_states_its_response_rule_in_words()
    {
        var law = Laws.Generic();

        var letter = FollowUpLetters.Compose(Facts(law), template: null);

        Assert.Contains("under the Example Open Records Act (Ex. Gov. Code § 12-345(a))", letter);
        Assert.Contains(RequestLetters.ResponseParagraph(law), letter);
        Assert.Contains("within five (5) business days", letter);
        Assert.Contains("Dear Records Officer:", letter);
    }

    [Fact]
    public void A_law_with_no_fixed_period_gets_the_promptly_rule()
    {
        var letter = FollowUpLetters.Compose(Facts(Laws.Generic(responseDays: null), missed: DeadlineKind.Working), template: null);

        Assert.Contains("The law requires you to respond promptly (Ex. Gov. Code § 12-345(a)).", letter);
        Assert.Contains("I have not received your response by the date we agreed, which was due on March 30, 2026", letter);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_default_template_is_valid_and_names_the_reference_the_dates_a_reply_by_date_and_an_offer_to_narrow(string code)
    {
        var template = FollowUpLetters.DefaultTemplate(Law(code));

        Assert.Empty(FollowUpLetters.Validate(template));
        foreach (var placeholder in new[] { "{date}", "{agency}", "{reference}", "{tracking}", "{title}", "{sent}", "{due}", "{days_late}", "{reply_by}", "{requester}" })
        {
            Assert.Contains(placeholder, template);
        }

        Assert.Contains("narrowing the request", template);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Without_a_tracking_number_the_reference_reads_cleanly(string code)
    {
        var letter = FollowUpLetters.Compose(Facts(Law(code), tracking: "  "), template: null);

        Assert.DoesNotContain("your reference", letter);
        Assert.Contains("request PRA-2026-0001: Clearview AI contracts and trial accounts", letter);
        Assert.DoesNotContain("{", letter);
        Assert.DoesNotContain("  ", letter);
    }

    [Theory]
    [InlineData(DeadlineKind.InitialResponse, "the response the law requires")]
    [InlineData(DeadlineKind.ExtendedResponse, "your response at the end of the extension you took")]
    [InlineData(DeadlineKind.PromisedProduction, "the records you said you would provide")]
    [InlineData(DeadlineKind.AppealDecision, "a decision on my appeal")]
    public void The_letter_names_what_was_missed(DeadlineKind kind, string missed)
    {
        var letter = FollowUpLetters.Compose(Facts(Laws.Federal(), missed: kind), template: null);

        Assert.Contains($"I have not received {missed}, which was due on March 30, 2026", letter);
    }

    [Fact]
    public void A_stored_template_replaces_its_placeholders_whatever_their_case_and_keeps_doubled_braces_as_braces()
    {
        const string template = "{DATE}: {Agency} owes {reference}{tracking} since {due} ({days_late}); reply by {reply_by}. {{not a placeholder}}";

        var letter = FollowUpLetters.Compose(Facts(Laws.Generic()), template);

        Assert.Equal(
            "April 13, 2026: Federal Bureau of Investigation owes PRA-2026-0001 (your reference 2026-FOIA-0123) since March 30, 2026 (14 days); reply by April 23, 2026. {not a placeholder}",
            letter);
    }

    [Fact]
    public void Every_listed_placeholder_has_a_value()
    {
        var letter = FollowUpLetters.Compose(Facts(Laws.Federal()), string.Join("|", FollowUpLetters.Placeholders));

        Assert.DoesNotContain("{", letter);
        Assert.Equal(FollowUpLetters.Placeholders.Count, letter.Split('|').Length);
        Assert.DoesNotContain(letter.Split('|'), string.IsNullOrWhiteSpace);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void No_stored_template_means_the_default(string? template)
    {
        Assert.Equal(FollowUpLetters.Compose(Facts(Laws.California()), FollowUpLetters.DefaultTemplate(Laws.California())), FollowUpLetters.Compose(Facts(Laws.California()), template));
    }

    [Fact]
    public void An_unknown_placeholder_stays_visible_in_the_draft()
    {
        Assert.Equal("Dear {agncy}, {", FollowUpLetters.Compose(Facts(Laws.Generic()), "Dear {agncy}, {"));
    }

    [Fact]
    public void One_day_late_is_one_day()
    {
        var letter = FollowUpLetters.Compose(Facts(Laws.Generic(), date: new DateOnly(2026, 3, 31)), "{days_late}");

        Assert.Equal("1 day", letter);
    }

    [Fact]
    public void The_reply_by_date_is_moved_off_a_weekend()
    {
        // Wed 2026-04-15 + 10 days = Sat 2026-04-25, so Mon 2026-04-27.
        Assert.Equal("April 27, 2026", FollowUpLetters.Compose(Facts(Laws.Generic(), date: new DateOnly(2026, 4, 15)), "{reply_by}"));
    }

    [Fact]
    public void Dates_are_written_in_english_whatever_the_culture_of_the_server()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("March 2, 2026", FollowUpLetters.Compose(Facts(Laws.Generic()), "{sent}"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_valid_template_has_no_errors()
    {
        Assert.Empty(FollowUpLetters.Validate("Dear {agency},\n\n{{Braces}} are written twice. {Reference}{tracking} was due on {due}.\n\n{requester}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void An_empty_template_is_refused(string? template)
    {
        Assert.Equal(["The template is empty. Write the letter, or clear the template to use the default letter."], FollowUpLetters.Validate(template));
    }

    [Fact]
    public void An_unknown_placeholder_is_named_with_its_line_and_the_likely_one()
    {
        var error = Assert.Single(FollowUpLetters.Validate("Dear records officer,\n\nOur request {refrence} is late."));

        Assert.StartsWith("Line 3: {refrence} is not a placeholder. Did you mean {reference}? The placeholders are {date}, {agency},", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_unlike_any_gets_no_guess()
    {
        var error = Assert.Single(FollowUpLetters.Validate("{judge}"));

        Assert.DoesNotContain("Did you mean", error);
        Assert.StartsWith("Line 1: {judge} is not a placeholder.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unbalanced_and_empty_braces_are_each_described()
    {
        var errors = FollowUpLetters.Validate("Dear {agency,\nsee } here, and {} there.");

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("Line 1: a { is never closed.", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 2: a } has no opening {.", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Line 2: empty braces {}.", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_over_10000_characters_is_refused()
    {
        var errors = FollowUpLetters.Validate("{agency} " + new string('x', 10_000));

        Assert.Equal(["The template is 10,009 characters long; keep it to 10,000."], errors);
        Assert.Empty(FollowUpLetters.Validate(new string('x', 10_000)));
    }
}
