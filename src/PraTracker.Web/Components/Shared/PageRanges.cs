namespace PraTracker.Web.Components.Shared;

/// <summary>Page numbers as people write them: "page 4", "pages 1–3 and 7".</summary>
public static class PageRanges
{
    public static string Of(IReadOnlyCollection<int> pages)
    {
        if (pages.Count == 0)
        {
            return "";
        }

        var runs = new List<string>();
        var sorted = pages.Distinct().Order().ToList();
        var start = sorted[0];
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i < sorted.Count && sorted[i] == sorted[i - 1] + 1)
            {
                continue;
            }

            var end = sorted[i - 1];
            runs.Add(end == start ? $"{start}" : end == start + 1 ? $"{start}, {end}" : $"{start}–{end}");
            if (i < sorted.Count)
            {
                start = sorted[i];
            }
        }

        var joined = runs.Count == 1 ? runs[0] : $"{string.Join(", ", runs[..^1])} and {runs[^1]}";
        return $"{(sorted.Count == 1 ? "page" : "pages")} {joined}";
    }
}
