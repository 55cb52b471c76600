using PraTracker.Data.Deadlines;

namespace PraTracker.Web.Components.Shared;

/// <summary>The names attorneys use for each kind of deadline.</summary>
public static class DeadlineLabels
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
        _ => Labels.Of(kind),
    };
}
