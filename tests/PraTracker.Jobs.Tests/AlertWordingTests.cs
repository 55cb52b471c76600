using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Alerts;

namespace PraTracker.Tests;

/// <summary>How alerts word a vendor objection's dates, which are the requester's own, not the agency's.</summary>
public sealed class AlertWordingTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(DeadlineKind.ObjectionNotice, 2, "Your response to Spokeo's objection is due in 2 days")]
    [InlineData(DeadlineKind.ObjectionNotice, -3, "Your response to Spokeo's objection is 3 days overdue")]
    [InlineData(DeadlineKind.ObjectionCourtDate, 1, "Court date on Spokeo's objection is tomorrow")]
    [InlineData(DeadlineKind.ObjectionCourtDate, -2, "Court date on Spokeo's objection was 2 days ago")]
    [InlineData(DeadlineKind.InitialResponse, 0, "Response due today")]
    public void Objection_alerts_say_what_the_attorney_must_do_and_for_which_vendor(DeadlineKind kind, int daysLeft, string headline) =>
        Assert.Equal(headline, AlertWording.Headline(Alert(kind, Today.AddDays(daysLeft)), Today));

    [Fact]
    public void An_objection_deadline_explains_where_its_date_comes_from_not_how_it_was_counted()
    {
        Assert.Equal("Where the date comes from", AlertWording.ExplanationLead(Alert(DeadlineKind.ObjectionNotice, Today).Deadline!));
        Assert.Equal("How the date was counted", AlertWording.ExplanationLead(Alert(DeadlineKind.ExtendedResponse, Today).Deadline!));
    }

    private static PendingAlert Alert(DeadlineKind kind, DateOnly dueOn) => new(
        Guid.NewGuid(), new AlertRecipient("u", "a@example.org", "Ana", AlertDelivery.EachAlert, 8), 2, DateTimeOffset.UnixEpoch,
        new DeadlineAlert(Guid.NewGuid(), "PRA-2026-0001", "Spokeo records", "Pasadena Police Department", kind, dueOn, "explained",
            kind is DeadlineKind.ObjectionNotice or DeadlineKind.ObjectionCourtDate ? "Spokeo" : null),
        null);
}
