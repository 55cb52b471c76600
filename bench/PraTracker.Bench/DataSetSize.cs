namespace PraTracker.Bench;

/// <summary>How much data the benchmark generates: the national-campaign data set, or a fraction of it.</summary>
public sealed record DataSetSize(double Scale)
{
    /// <summary>The day the generated data is dated from; fixed, so every run sees the same open and overdue deadlines.</summary>
    public static readonly DateOnly Today = new(2026, 11, 2);

    /// <summary>The attorney whose dashboard is measured holds 2,000 requests, or a fifth of them in a small run.</summary>
    public int BusyAttorneyRequests => Math.Min(2_000, Requests / 5);

    public int Agencies => Scaled(3_000);
    public int Contracts => Scaled(20_000);
    public int Requests => Scaled(100_000);
    public int EventsPerRequest => 10;
    public int DeadlinesPerRequest => 3;
    public int Documents => Scaled(50_000);

    /// <summary>Characters of extracted text over all documents: 2 GB at full scale.</summary>
    public long TextCharacters => (long)(2L * 1024 * 1024 * 1024 * Scale);

    public int Attorneys => 40;

    private int Scaled(int full) => Math.Max(10, (int)Math.Round(full * Scale));
}
