using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PraTracker.Data.Documents.Mentions;

/// <summary>What a name found in a document stands for.</summary>
public enum MentionKind
{
    Vendor,
    Product,
    Agency,
    Contract,
}

/// <summary>The vendor, product, agency or contract a known name belongs to.</summary>
public readonly record struct MentionTarget(MentionKind Kind, Guid Id);

/// <summary>A name to look for: a vendor's, product's or agency's name or alias, or a contract number.</summary>
public sealed record KnownName(string Name, MentionTarget Target);

/// <summary>One place a known name occurs: 1-based page, the character offset and length in that page's text, and the name as known.</summary>
public sealed record NameMatch(MentionTarget Target, string Name, int Page, int Start, int Length);

/// <summary>
/// Finds known names in the text of released documents, often OCR'd scans. Names and text are read as words (runs of
/// letters and digits, lower-cased, accents and ligatures folded away), so a name matches whole words only, across any
/// spaces, line breaks or punctuation between its words ("Clearview AI" in "Clearview-\nAI"). The names are a trie of
/// words, walked once from each word of the text, so the time grows with the text, not with the number of names.
/// Short all-capital names ("ICE", "LAPD") match only in capitals, so an acronym is not found in an ordinary word.
/// Built once, a matcher only reads its trie and may be shared between threads.
/// </summary>
public sealed class NameMatcher
{
    /// <summary>Names with fewer letters and digits than this ("AI", "3M") would be found in every other document.</summary>
    public const int MinimumLength = 3;

    /// <summary>An all-capital name of at most this many letters is an acronym, matched only in capitals.</summary>
    public const int MaximumAcronymLength = 5;

    private const int Root = 0;

    private static readonly ConcurrentDictionary<char, string> FoldedCharacters = new();

    // Each distinct word of the names gets a number; the trie's edges go from a node by a word's number to a node.
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Node, int Word), int> _next = [];
    private readonly Dictionary<int, List<NameEnd>> _ends = [];
    private int _nodeCount = 1;

    public NameMatcher(IEnumerable<KnownName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var buffer = new char[64];
        foreach (var name in names)
        {
            if (Add(name, ref buffer))
            {
                NameCount++;
            }
        }
    }

    /// <summary>How many names are looked for: those given, less the ones too short to look for and duplicates.</summary>
    public int NameCount { get; }

    /// <summary>
    /// Every place a known name occurs, in page and text order (pages[0] is page 1). At each place the longest known
    /// name wins and matches never overlap; a name known for several targets yields one match per target.
    /// </summary>
    public IReadOnlyList<NameMatch> FindAll(IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var matches = new List<NameMatch>();
        var words = new List<TextWord>();
        var buffer = new char[64];
        for (var page = 0; page < pages.Count; page++)
        {
            words.Clear();
            ReadWords(pages[page], words, ref buffer);
            for (var i = 0; i < words.Count;)
            {
                i = MatchAt(words, i, page + 1, matches);
            }
        }

        return matches;
    }

    private bool Add(KnownName name, ref char[] buffer)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name.Name))
        {
            return false;
        }

        var words = new List<string>();
        foreach (var (start, end) in WordSpans(name.Name))
        {
            var length = Fold(name.Name.AsSpan(start, end - start), ref buffer);
            if (length > 0)
            {
                words.Add(new string(buffer, 0, length));
            }
        }

        if (words.Sum(w => w.Length) < MinimumLength)
        {
            return false;
        }

        var node = Root;
        foreach (var word in words)
        {
            if (!_words.TryGetValue(word, out var number))
            {
                number = _words.Count;
                _words.Add(word, number);
            }

            if (!_next.TryGetValue((node, number), out var next))
            {
                next = _nodeCount++;
                _next.Add((node, number), next);
            }

            node = next;
        }

        if (!_ends.TryGetValue(node, out var ends))
        {
            ends = [];
            _ends.Add(node, ends);
        }

        var added = new NameEnd(name.Name, name.Target, IsAcronym(name.Name));
        if (ends.Exists(e => e.Target == added.Target && e.CapitalsOnly == added.CapitalsOnly))
        {
            return false;
        }

        ends.Add(added);
        return true;
    }

    /// <summary>
    /// Walks the trie from word <paramref name="first"/> as far as the text follows some name, records the longest name
    /// found on the way, and returns the index of the word to go on from: the one after that name, or the next one.
    /// </summary>
    private int MatchAt(List<TextWord> words, int first, int page, List<NameMatch> matches)
    {
        var node = Root;
        var allCapitals = true;
        List<NameEnd>? longest = null;
        var (last, longestInCapitals) = (first, false);
        for (var i = first; i < words.Count && words[i].Number >= 0; i++)
        {
            if (!_next.TryGetValue((node, words[i].Number), out node))
            {
                break;
            }

            allCapitals &= !words[i].HasLowerCase;
            if (_ends.TryGetValue(node, out var ends) && ends.Exists(e => allCapitals || !e.CapitalsOnly))
            {
                (longest, last, longestInCapitals) = (ends, i, allCapitals);
            }
        }

        if (longest is null)
        {
            return first + 1;
        }

        var start = words[first].Start;
        var matched = new HashSet<MentionTarget>();
        foreach (var end in longest)
        {
            if ((longestInCapitals || !end.CapitalsOnly) && matched.Add(end.Target))
            {
                matches.Add(new NameMatch(end.Target, end.Name, page, start, words[last].End - start));
            }
        }

        return last + 1;
    }

    private void ReadWords(string text, List<TextWord> words, ref char[] buffer)
    {
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (start, end) in WordSpans(text))
        {
            var raw = text.AsSpan(start, end - start);
            var length = Fold(raw, ref buffer);
            if (length == 0)
            {
                continue;
            }

            // A word no name has cannot continue or start a name; -1 ends any walk through the trie there.
            var number = lookup.TryGetValue(buffer.AsSpan(0, length), out var known) ? known : -1;
            words.Add(new TextWord(start, end, number, HasLowerCase(raw)));
        }
    }

    /// <summary>Where the words of a text start and end: runs of letters and digits, with the accents that follow them.</summary>
    private static IEnumerable<(int Start, int End)> WordSpans(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0 && !IsCombiningMark(text[i]))
            {
                yield return (start, i);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return (start, text.Length);
        }
    }

    /// <summary>Writes a word lower-cased, without accents and with ligatures spelled out into the buffer; returns its length.</summary>
    private static int Fold(ReadOnlySpan<char> word, ref char[] buffer)
    {
        var length = 0;
        foreach (var c in word)
        {
            var folded = char.IsAscii(c) ? null : Folded(c);
            var needed = length + (folded?.Length ?? 1);
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
            }

            if (folded is null)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                folded.CopyTo(buffer.AsSpan(length));
                length += folded.Length;
            }
        }

        return length;
    }

    // Compatibility decomposition splits "é" into "e" and its accent, and PDF text's "ﬁ" ligature into "fi".
    private static string Folded(char c) =>
        FoldedCharacters.GetOrAdd(c, static character =>
        {
            var decomposed = character.ToString().Normalize(NormalizationForm.FormKD);
            return string.Concat(decomposed.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
        });

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool HasLowerCase(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "ICE", "PPD", "LAPD": all letters capitals, at most five of them, and no digit. A name with a digit
    /// ("C-2021-114", "G4S") is no ordinary word, so it is matched whatever the case.
    /// </summary>
    private static bool IsAcronym(string name)
    {
        var letters = name.Where(char.IsLetter).ToList();
        return letters.Count is > 0 and <= MaximumAcronymLength && !letters.Exists(char.IsLower) && !name.Any(char.IsDigit);
    }

    private sealed record NameEnd(string Name, MentionTarget Target, bool CapitalsOnly);

    private readonly record struct TextWord(int Start, int End, int Number, bool HasLowerCase);
}
