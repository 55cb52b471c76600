namespace PraTracker.Data.Database;

/// <summary>
/// A clock that starts at a chosen instant and runs at the normal pace from there: how a test host puts the whole app
/// (deadlines, "today", the alert scan) on another day. Development only; see Clock:Start in README.
/// </summary>
public sealed class StartedClock(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset _startedAt = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => start + (System.GetUtcNow() - _startedAt);
}
