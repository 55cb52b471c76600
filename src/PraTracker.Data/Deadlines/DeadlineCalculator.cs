using PraTracker.Data.Requests;

namespace PraTracker.Data.Deadlines;

/// <summary>One step of a request's timeline, as the deadline calculator needs it.</summary>
public sealed record TimelineEvent(Guid Id, RequestEventKind Kind, DateOnly OccurredOn, DateOnly? AgencyPromisedOn = null);

/// <summary>A deadline as the timeline makes it today: its date, its state, its reasoning, and anything to look at.</summary>
public sealed record CalculatedDeadline(
    DeadlineKind Kind,
    Guid? SourceEventId,
    DateOnly DueOn,
    string Explanation,
    DeadlineStatus Status,
    DateOnly? ClosedOn,
    string? Warning);

/// <summary>
/// Works out a request's deadlines from its law, its business calendar, the day the agency received it and the
/// events on its timeline. Pure and deterministic: the same inputs always give the same deadlines, so recomputing
/// after every event is safe.
/// </summary>
public static class DeadlineCalculator
{
    public static IReadOnlyList<CalculatedDeadline> Calculate(
        PublicRecordsLaw law,
        BusinessCalendar calendar,
        DateOnly? receivedOn,
        IEnumerable<TimelineEvent> events,
        DateOnly today)
    {
        var run = new Run(law, calendar, receivedOn);
        if (receivedOn is { } received && StatutoryDeadlines.Response(law, calendar, received) is { } response)
        {
            run.Open(DeadlineKind.InitialResponse, null, response);
        }

        // OrderBy is stable: events on the same day keep the order in which they were logged.
        foreach (var e in events.OrderBy(e => e.OccurredOn))
        {
            run.Apply(e);
        }

        return run.Finish(today);
    }

    private sealed class Tracked(DeadlineKind kind, Guid? sourceEventId, DateOnly dueOn, string explanation)
    {
        public DeadlineKind Kind { get; } = kind;
        public Guid? SourceEventId { get; } = sourceEventId;
        public DateOnly DueOn { get; } = dueOn;
        public string Explanation { get; } = explanation;
        public DeadlineStatus Status { get; set; } = DeadlineStatus.Open;
        public DateOnly? ClosedOn { get; set; }
        public string? Warning { get; set; }

        /// <summary>For a paused clock: the days the agency had left, in the law's unit.</summary>
        public int DaysLeftWhenPaused { get; set; }
        public RequestEventKind PausedBy { get; set; }
        public DateOnly PausedOn { get; set; }

        public bool IsOpen => Status == DeadlineStatus.Open;

        public void AddWarning(string warning) => Warning = Warning is null ? warning : $"{Warning} {warning}";
    }

    private sealed class Run(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly? receivedOn)
    {
        private readonly List<Tracked> _deadlines = [];
        private int _extensionsTaken;

        private static bool IsResponseClock(DeadlineKind kind) => kind is DeadlineKind.InitialResponse or DeadlineKind.ExtendedResponse;

        private IEnumerable<Tracked> OpenOf(params DeadlineKind[] kinds) => _deadlines.Where(d => d.IsOpen && kinds.Contains(d.Kind)).ToList();

        private Tracked? ResponseClock => _deadlines.LastOrDefault(d => IsResponseClock(d.Kind) && d.Status is DeadlineStatus.Open or DeadlineStatus.Paused);

        public Tracked Open(DeadlineKind kind, Guid? sourceEventId, CountedDate counted)
        {
            var deadline = new Tracked(kind, sourceEventId, counted.Due, counted.Explanation);
            _deadlines.Add(deadline);
            return deadline;
        }

        public void Apply(TimelineEvent e)
        {
            switch (e.Kind)
            {
                case RequestEventKind.Acknowledged:
                    OnAcknowledgement(e);
                    break;
                case RequestEventKind.ExtensionNotice:
                    OnExtensionNotice(e);
                    break;
                case RequestEventKind.ClarificationRequested:
                    OnWaitingForRequester(e, law.ClarificationEffect, "asked for clarification");
                    break;
                case RequestEventKind.FeeEstimate:
                    OnWaitingForRequester(e, law.FeeEstimateEffect, "sent a fee estimate");
                    break;
                case RequestEventKind.ClarificationProvided:
                    OnRequesterAnswered(e, RequestEventKind.ClarificationRequested, law.ClarificationEffect, "the clarification");
                    break;
                case RequestEventKind.FeePaid:
                    OnRequesterAnswered(e, RequestEventKind.FeeEstimate, law.FeeEstimateEffect, "the fee payment");
                    break;
                case RequestEventKind.PartialProduction:
                    if (law.ResponseKind != ResponseKind.Production)
                    {
                        CloseResponse(e.OccurredOn);
                    }

                    break;
                case RequestEventKind.Denial:
                    CloseResponse(e.OccurredOn);
                    Close(OpenOf(DeadlineKind.PromisedProduction), e.OccurredOn);
                    if (StatutoryDeadlines.AppealWindow(law, calendar, e.OccurredOn) is { } window)
                    {
                        Open(DeadlineKind.AppealFiling, e.Id, window);
                    }

                    break;
                case RequestEventKind.Appeal:
                    Close(OpenOf(DeadlineKind.AppealFiling), e.OccurredOn);
                    if (StatutoryDeadlines.AppealDecision(law, calendar, e.OccurredOn) is { } decision)
                    {
                        Open(DeadlineKind.AppealDecision, e.Id, decision);
                    }

                    break;
                case RequestEventKind.AppealDecision:
                    Close(OpenOf(DeadlineKind.AppealDecision), e.OccurredOn);
                    break;
                case RequestEventKind.FinalProduction:
                    // The agency's duties end; the requester keeps any appeal window a denial opened, since a
                    // final production often comes with withholdings worth appealing.
                    Close(_deadlines.Where(d => d.Kind != DeadlineKind.AppealFiling && d.Status is DeadlineStatus.Open or DeadlineStatus.Paused).ToList(), e.OccurredOn);
                    break;
                case RequestEventKind.Withdrawal:
                    Close(_deadlines.Where(d => d.Status is DeadlineStatus.Open or DeadlineStatus.Paused).ToList(), e.OccurredOn);
                    break;
                default:
                    break;
            }
        }

        private void OnAcknowledgement(TimelineEvent e)
        {
            if (law.ResponseKind == ResponseKind.Acknowledgement)
            {
                var clock = ResponseClock;
                CloseResponse(e.OccurredOn);
                if (clock is { Kind: DeadlineKind.InitialResponse } && law.ExtensionCountedFrom == ExtensionStart.Acknowledgement)
                {
                    // New York: after acknowledging, the agency has a bounded further period to grant or deny.
                    OpenExtension(e, clock.DueOn);
                    return;
                }
            }

            Promise(e);
        }

        private void OnExtensionNotice(TimelineEvent e)
        {
            _extensionsTaken++;
            if (law.ResponseKind == ResponseKind.Acknowledgement && ResponseClock is { Kind: DeadlineKind.InitialResponse })
            {
                // Under an acknowledgement law, a notice of more time is the acknowledgement.
                OnAcknowledgement(e);
                return;
            }

            if (ResponseClock is not { } clock || law.ExtensionDays is null)
            {
                if (law.ExtensionDays is null && ResponseClock is { } running)
                {
                    running.AddWarning($"{law.Citation} sets no extension: the agency's notice of {Format(e.OccurredOn)} does not move this deadline.");
                }

                Promise(e);
                return;
            }

            if (law.MaxExtensions is { } max && _extensionsTaken > max)
            {
                clock.AddWarning($"The agency gave another extension notice on {Format(e.OccurredOn)}, but {law.Citation} allows {max} extension{(max == 1 ? "" : "s")}: this deadline stands.");
                Promise(e);
                return;
            }

            if (clock.Kind == DeadlineKind.ExtendedResponse)
            {
                Promise(e);
                return;
            }

            OpenExtension(e, clock.DueOn);
        }

        // Replaces the response clock with the extended deadline: the agency's date if it named one within the
        // law's maximum, the maximum otherwise, with a warning when the agency claimed more.
        private void OpenExtension(TimelineEvent e, DateOnly originalDue)
        {
            var limit = StatutoryDeadlines.Extension(law, calendar, receivedOn ?? e.OccurredOn, originalDue, e.OccurredOn);
            if (limit is null)
            {
                Promise(e);
                return;
            }

            var late = e.OccurredOn > originalDue;
            foreach (var clock in OpenOf(DeadlineKind.InitialResponse))
            {
                if (late)
                {
                    clock.Status = DeadlineStatus.Missed;
                    clock.ClosedOn = e.OccurredOn;
                }
                else
                {
                    clock.Status = DeadlineStatus.Superseded;
                    clock.ClosedOn = e.OccurredOn;
                }
            }

            var explanation = $"Extension notice of {Format(e.OccurredOn)}. {limit.Explanation}";
            var due = limit.Due;
            string? warning = null;
            if (e.AgencyPromisedOn is { } promised && promised < limit.Due)
            {
                due = promised;
                explanation += $" The agency named {Format(promised)}, within that limit, so its date is the deadline.";
            }
            else if (e.AgencyPromisedOn is { } claimed && claimed > limit.Due)
            {
                warning = $"The agency's notice claims {Format(claimed)}, later than the law allows; the deadline stays at {Format(limit.Due)}.";
            }

            if (late)
            {
                warning = $"{warning} The notice came on {Format(e.OccurredOn)}, after the deadline it extends ({Format(originalDue)}) had passed.".TrimStart();
            }

            Open(DeadlineKind.ExtendedResponse, e.Id, new CountedDate(due, explanation)).Warning = warning;
        }

        // An agency-promised date (in an acknowledgement or a notice) is tracked as its own deadline; a newer
        // promise replaces an older one.
        private void Promise(TimelineEvent e)
        {
            if (e.AgencyPromisedOn is not { } promised)
            {
                return;
            }

            foreach (var older in OpenOf(DeadlineKind.PromisedProduction))
            {
                older.Status = DeadlineStatus.Superseded;
                older.ClosedOn = e.OccurredOn;
            }

            var kind = e.Kind == RequestEventKind.ExtensionNotice ? "extension notice" : "acknowledgement";
            Open(DeadlineKind.PromisedProduction, e.Id, new CountedDate(promised,
                $"The agency's {kind} of {Format(e.OccurredOn)} promised a response by {Format(promised)}. No statute sets this date; it is the agency's own."));
        }

        private void OnWaitingForRequester(TimelineEvent e, ClockEffect effect, string what)
        {
            if (effect == ClockEffect.None || ResponseClock is not { Status: DeadlineStatus.Open } clock)
            {
                if (law.ResponseKind == ResponseKind.Acknowledgement)
                {
                    // Washington and New York accept a request for clarification as a timely first response.
                    CloseResponse(e.OccurredOn);
                }

                return;
            }

            if (e.OccurredOn > clock.DueOn)
            {
                clock.AddWarning($"The agency {what} on {Format(e.OccurredOn)}, after this deadline had passed; that does not stop the clock.");
                return;
            }

            var unit = clock.Kind == DeadlineKind.ExtendedResponse ? law.ExtensionDayCount : law.ResponseDayCount;
            clock.Status = DeadlineStatus.Paused;
            clock.PausedBy = e.Kind;
            clock.PausedOn = e.OccurredOn;
            clock.DaysLeftWhenPaused = unit == DayCount.Business
                ? DayCounting.BusinessDaysFromThrough(e.OccurredOn, clock.DueOn, calendar)
                : clock.DueOn.DayNumber - e.OccurredOn.DayNumber + 1;
        }

        private void OnRequesterAnswered(TimelineEvent e, RequestEventKind waitingFor, ClockEffect effect, string answer)
        {
            if (_deadlines.LastOrDefault(d => d.Status == DeadlineStatus.Paused && d.PausedBy == waitingFor) is not { } paused)
            {
                return;
            }

            paused.Status = DeadlineStatus.Superseded;
            paused.ClosedOn = e.OccurredOn;
            var stopped = $"The clock stopped on {Format(paused.PausedOn)}, when the agency {(waitingFor == RequestEventKind.FeeEstimate ? "sent a fee estimate" : "asked for clarification")}";
            if (effect == ClockEffect.Restarts && law.ResponseDays is { } full)
            {
                var restarted = StatutoryDeadlines.Count(law, law.ResponseDayCount, e.OccurredOn, full, calendar, answer);
                Open(paused.Kind, e.Id, restarted with
                {
                    Explanation = $"{stopped}; under {law.Citation} a full new period runs from {answer}. {restarted.Explanation}.",
                });
                return;
            }

            var unit = paused.Kind == DeadlineKind.ExtendedResponse ? law.ExtensionDayCount : law.ResponseDayCount;
            var resumed = StatutoryDeadlines.Count(law, unit, e.OccurredOn, paused.DaysLeftWhenPaused, calendar, answer);
            Open(paused.Kind, e.Id, resumed with
            {
                Explanation = $"{stopped}, with {paused.DaysLeftWhenPaused} {StatutoryDeadlines.Unit(unit)} left of the period ending {Format(paused.DueOn)} (the day it stopped included); it restarted on {answer}. {resumed.Explanation} ({law.Citation}).",
            });
        }

        // Closes the agency's response deadlines: met if the response came in time, missed if it came late.
        private void CloseResponse(DateOnly on) =>
            Close(_deadlines.Where(d => IsResponseClock(d.Kind) && d.Status is DeadlineStatus.Open or DeadlineStatus.Paused).ToList(), on);

        private static void Close(IEnumerable<Tracked> deadlines, DateOnly on)
        {
            foreach (var deadline in deadlines)
            {
                if (deadline.Status == DeadlineStatus.Open && on > deadline.DueOn)
                {
                    // Missed, and answered late on this day.
                    deadline.Status = DeadlineStatus.Missed;
                    deadline.ClosedOn = on;
                }
                else
                {
                    deadline.Status = DeadlineStatus.Met;
                    deadline.ClosedOn = on;
                }
            }
        }

        public IReadOnlyList<CalculatedDeadline> Finish(DateOnly today)
        {
            // Past its date with no qualifying response: missed, and still outstanding (no closing date) until one comes.
            foreach (var deadline in _deadlines.Where(d => d.IsOpen && d.DueOn < today))
            {
                deadline.Status = DeadlineStatus.Missed;
            }

            return [.. _deadlines.Select(d => new CalculatedDeadline(d.Kind, d.SourceEventId, d.DueOn, d.Explanation, d.Status, d.ClosedOn, d.Warning))];
        }
    }

    private static string Format(DateOnly date) => $"{date:yyyy-MM-dd} ({date.DayOfWeek})";
}
