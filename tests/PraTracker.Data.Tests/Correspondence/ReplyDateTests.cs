using PraTracker.Data.Correspondence;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Correspondence;

/// <summary>Which date in a reply is the one the agency promised, in the ways agencies write dates.</summary>
public sealed class ReplyDateTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);

    private static ReplySuggestion Acknowledgement(string sentence, DateOnly? receivedOn = null) =>
        ReplySuggestions.Suggest("Request 26-331", $"We have received your request. {sentence}", receivedOn ?? December1);

    [Theory]
    [InlineData("December 15, 2026")]
    [InlineData("Dec. 15, 2026")]
    [InlineData("Dec 15th, 2026")]
    [InlineData("15 December 2026")]
    [InlineData("15th of December, 2026")]
    [InlineData("12/15/2026")]
    [InlineData("12/15/26")]
    [InlineData("2026-12-15")]
    [InlineData("Tuesday, December 15, 2026")]
    [InlineData("Tues., Dec. 15, 2026")]
    public void Each_way_of_writing_a_date_is_read_and_kept_as_written(string written)
    {
        var suggestion = Acknowledgement($"We expect to respond by {written}.");

        Assert.Equal(new DateOnly(2026, 12, 15), suggestion.Date);
        Assert.Equal(written, suggestion.DateAsWritten);
    }

    [Fact]
    public void A_slashed_date_whose_first_number_cannot_be_a_month_is_read_day_first()
    {
        Assert.Equal(new DateOnly(2026, 12, 15), Acknowledgement("We expect to respond by 15/12/2026.").Date);
    }

    [Fact]
    public void Dates_on_or_before_the_day_the_reply_came_are_the_requests_own_and_are_passed_over()
    {
        var suggestion = Acknowledgement("Your request of November 20, 2026 reached us on December 1, 2026. We will respond by December 17, 2026.");

        Assert.Equal(new DateOnly(2026, 12, 17), suggestion.Date);
        Assert.Equal("December 17, 2026", suggestion.DateAsWritten);
    }

    [Fact]
    public void A_date_put_forward_as_the_new_date_wins_over_an_earlier_one_that_merely_was_due()
    {
        var suggestion = ReplySuggestions.Suggest(
            "Extension",
            "Due to unusual circumstances, the determination originally due December 11, 2026 is extended to December 28, 2026.",
            new DateOnly(2026, 12, 3));

        Assert.Equal(RequestEventKind.ExtensionNotice, suggestion.Kind);
        Assert.Equal(new DateOnly(2026, 12, 28), suggestion.Date);
        Assert.Contains("takes \"December 28, 2026\" as the promised date: it follows \"extended to\"", suggestion.Reasons);
    }

    [Fact]
    public void Without_a_word_like_by_the_first_later_date_is_taken()
    {
        var suggestion = Acknowledgement("A status update will follow. Our office is closed December 24, 2026 and January 4, 2027.");

        Assert.Equal(new DateOnly(2026, 12, 24), suggestion.Date);
        Assert.Contains("takes \"December 24, 2026\" as the promised date: the first date after the reply came on December 1, 2026", suggestion.Reasons);
    }

    [Theory]
    [InlineData("February 30, 2027")]
    [InlineData("2/30/2027")]
    [InlineData("2027-02-30")]
    [InlineData("13/13/2027")]
    [InlineData("February 29, 2027")]
    public void An_impossible_date_is_not_a_date(string impossible)
    {
        var suggestion = Acknowledgement($"We will respond by {impossible}, or at the latest March 3, 2027.");

        Assert.Equal(new DateOnly(2027, 3, 3), suggestion.Date);
    }

    [Fact]
    public void February_29_of_a_leap_year_is_a_date()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), Acknowledgement("We will respond by February 29, 2028.").Date);
    }

    [Fact]
    public void A_weekday_that_does_not_match_the_date_is_pointed_out_and_the_date_kept()
    {
        var suggestion = Acknowledgement("We will respond by Monday, December 15, 2026.");

        Assert.Equal(new DateOnly(2026, 12, 15), suggestion.Date);
        Assert.Contains("the message says Monday, but December 15, 2026 is a Tuesday; check which the agency meant", suggestion.Reasons);
    }

    [Fact]
    public void A_date_wrapped_across_lines_is_still_read()
    {
        var suggestion = Acknowledgement("We expect to respond no later than\nDecember\n15, 2026.");

        Assert.Equal(new DateOnly(2026, 12, 15), suggestion.Date);
    }

    [Fact]
    public void Kinds_that_promise_nothing_carry_no_date()
    {
        var denial = ReplySuggestions.Suggest(null, "Your request is denied. You may appeal by March 1, 2027.", December1);

        Assert.Equal(RequestEventKind.Denial, denial.Kind);
        Assert.Null(denial.Date);
        Assert.Null(denial.DateAsWritten);
    }

    [Fact]
    public void A_reply_with_no_later_date_has_no_date()
    {
        var suggestion = Acknowledgement("Your request of November 20, 2026 is being processed.");

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.Null(suggestion.Date);
        Assert.Null(suggestion.DateAsWritten);
    }
}
