using PraTracker.Data.Deadlines;

namespace PraTracker.Tests.Correspondence;

/// <summary>Laws for letter tests: the seeded federal and California rows as shipped, and a made-up state law to vary.</summary>
internal static class Laws
{
    public static PublicRecordsLaw Federal() => Seeded("US-FED");

    public static PublicRecordsLaw California() => Seeded("US-CA");

    /// <summary>A state law with a fixed period and an administrative appeal unless the test says otherwise.</summary>
    public static PublicRecordsLaw Generic(int? appealWindowDays = 30, int? appealDecisionDays = 10, int? responseDays = 5) => new()
    {
        Code = "US-ZZ",
        Jurisdiction = "Example State",
        Name = "Example Open Records Act",
        Citation = "Ex. Gov. Code § 12-345(a)",
        ResponseDays = responseDays,
        ResponseDayCount = DayCount.Business,
        ResponseKind = ResponseKind.Determination,
        AppealWindowDays = appealWindowDays,
        AppealWindowDayCount = DayCount.Calendar,
        AppealDecisionDays = appealDecisionDays,
        AppealDecisionDayCount = DayCount.Business,
        Confidence = SourceConfidence.Unverified,
        LastCheckedOn = new DateOnly(2026, 11, 23),
    };

    private static PublicRecordsLaw Seeded(string code) => ReferenceDataSeeder.LoadLaws().Single(l => l.Code == code).ToLaw(Guid.Empty);
}
