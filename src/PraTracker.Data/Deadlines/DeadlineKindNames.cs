namespace PraTracker.Data.Deadlines;

/// <summary>The names attorneys use for each kind of deadline, on pages and in e-mails alike.</summary>
public static class DeadlineKindNames
{
    public static string Of(DeadlineKind kind) => kind switch
    {
        DeadlineKind.InitialResponse => "Response",
        DeadlineKind.ExtendedResponse => "Extended response",
        DeadlineKind.PromisedProduction => "Agency-promised date",
        DeadlineKind.ClarificationReply => "Clarification reply",
        DeadlineKind.FeeReply => "Fee reply",
        DeadlineKind.AppealFiling => "Appeal window closes",
        DeadlineKind.AppealDecision => "Appeal decision",
        DeadlineKind.Working => "Working deadline",
        DeadlineKind.ObjectionNotice => "Vendor objection notice",
        DeadlineKind.ObjectionCourtDate => "Court date (vendor objection)",
        _ => kind.ToString(),
    };
}
