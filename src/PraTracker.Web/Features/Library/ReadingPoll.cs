namespace PraTracker.Web.Features.Library;

/// <summary>
/// Looks again every two seconds while a document's text is being read, so a page shows the outcome without a
/// reload, and stops once nothing is being read. The component owning it disposes it.
/// </summary>
public sealed class ReadingPoll(Func<Task> reload) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private Timer? _timer;

    /// <summary>Starts looking while <paramref name="reading"/>, stops when not.</summary>
    public void Update(bool reading)
    {
        if (reading && _timer is null)
        {
            _timer = new Timer(_ => _ = reload(), null, Interval, Interval);
        }
        else if (!reading && _timer is not null)
        {
            _timer.Dispose();
            _timer = null;
        }
    }

    public void Dispose() => _timer?.Dispose();
}
