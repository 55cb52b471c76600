using System.Text;
using System.Text.RegularExpressions;

namespace PraTracker.Data.Documents;

/// <summary>
/// A search as people type it in web search boxes: words, "quoted phrases", OR between alternatives, and -word to
/// leave out. PostgreSQL reads that syntax itself (websearch_to_tsquery); SQLite's FTS5 gets the same meaning in its
/// own syntax from <see cref="ToFts5"/>.
/// </summary>
public sealed partial class SearchQuery
{
    public const int MaxLength = 500;

    private readonly List<List<string>> _groups; // AND of ORs of phrases
    private readonly List<string> _excluded;

    private SearchQuery(string text, List<List<string>> groups, List<string> excluded)
    {
        Text = text;
        _groups = groups;
        _excluded = excluded;
    }

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>Whether anything is asked for: a query of only exclusions or punctuation finds nothing.</summary>
    public bool HasTerms => _groups.Count > 0;

    public static SearchQuery Parse(string? text)
    {
        // No text holds a NUL, and PostgreSQL refuses one in any value: it is dropped, never sent.
        var trimmed = (text ?? "").Replace("\0", "", StringComparison.Ordinal).Trim();
        if (trimmed.Length > MaxLength)
        {
            trimmed = trimmed[..MaxLength];
        }

        var groups = new List<List<string>>();
        var excluded = new List<string>();
        var joinWithPrevious = false;
        foreach (Match token in Token().Matches(trimmed))
        {
            var negated = token.Groups["neg"].Success;
            var raw = token.Groups["phrase"].Success ? token.Groups["phrase"].Value : token.Groups["word"].Value;
            if (!negated && !token.Groups["phrase"].Success && raw.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                joinWithPrevious = groups.Count > 0;
                continue;
            }

            var words = Word().Matches(raw).Select(m => m.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var phrase = string.Join(' ', words);
            if (negated)
            {
                excluded.Add(phrase);
            }
            else if (joinWithPrevious)
            {
                groups[^1].Add(phrase);
            }
            else
            {
                groups.Add([phrase]);
            }

            joinWithPrevious = false;
        }

        return new SearchQuery(trimmed, groups, excluded);
    }

    /// <summary>The same query in FTS5's syntax, every word quoted so nothing typed is read as an operator.</summary>
    public string ToFts5()
    {
        var query = new StringBuilder();
        foreach (var group in _groups)
        {
            query.Append(query.Length == 0 ? "(" : " AND (").AppendJoin(" OR ", group.Select(Quote)).Append(')');
        }

        foreach (var phrase in _excluded)
        {
            query.Insert(0, '(').Append(") NOT ").Append(Quote(phrase));
        }

        return query.ToString();
    }

    private static string Quote(string phrase) => $"\"{phrase}\"";

    [GeneratedRegex("""(?<neg>-)?(?:"(?<phrase>[^"]*)"?|(?<word>[^\s"]+))""")]
    private static partial Regex Token();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
