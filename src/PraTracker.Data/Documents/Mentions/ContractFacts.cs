using System.Globalization;
using System.Text.RegularExpressions;
using PraTracker.Data.Correspondence;

namespace PraTracker.Data.Documents.Mentions;

/// <summary>What kind of value a contract fact is.</summary>
public enum ContractFactKind
{
    Amount,
    Number,
    Date,
}

/// <summary>A value found near a name: what the text says, and the value parsed from it (Amount for amounts, Number for numbers, Date for dates).</summary>
public sealed record ContractFact(
    ContractFactKind Kind,
    string Text,
    int Page,
    int Start,
    decimal? Amount = null,
    string? Number = null,
    DateOnly? Date = null);

/// <summary>
/// Candidate contract facts near a vendor's name in a document: dollar amounts, contract and purchase-order numbers,
/// and dates, for an attorney to copy into the contract record. Candidates only: the text says which is which.
/// </summary>
public static partial class ContractFacts
{
    /// <summary>How many characters either side of the name are read.</summary>
    public const int Window = 300;

    // The text is read this far past the window's edges, more than the longest fact, so that a fact starting inside
    // the window is read whole and one starting just before it is not misread from its tail ("12/03/2021" as "2/03/2021").
    private const int Margin = 80;

    // A number as amounts are written: "24,500", "24,500.00", "24500", "1.2"; at most 15 digits before the point, so
    // any amount times a billion fits in a decimal.
    private const string Figure = @"(?<number>\d{1,3}(?:,\d{3}){1,4}(?:\.\d+)?|\d{1,15}(?:\.\d+)?)(?!\d|,\d)";

    private const string ScaleWord = @"\s*(?<scale>thousand|million|billion)\b";

    // "No.", "Number:", "#" between "Contract" and its number.
    private const string NumberMarker = @"(?:\s*(?:number|num\b\.?|no\b\.?)\s*[:#]?|\s*[:#])";

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000m,
        ["k"] = 1_000m,
        ["million"] = 1_000_000m,
        ["m"] = 1_000_000m,
        ["mm"] = 1_000_000m,
        ["billion"] = 1_000_000_000m,
        ["b"] = 1_000_000_000m,
        ["bn"] = 1_000_000_000m,
    };

    /// <summary>
    /// Facts that start within <paramref name="window"/> characters of the span [start, start+length) of the page's
    /// text (the window clipped to the page). Amounts first, then numbers, then dates; within a kind nearest to the
    /// name first (a fact overlapping the name is nearest), ties in text order. A value found twice is given once,
    /// where it stands nearest.
    /// </summary>
    public static IReadOnlyList<ContractFact> Near(string pageText, int page, int start, int length, int window = Window)
    {
        ArgumentNullException.ThrowIfNull(pageText);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, pageText.Length - length);
        ArgumentOutOfRangeException.ThrowIfNegative(window);

        var from = Math.Max(0, start - window);
        var to = Math.Min(pageText.Length, start + length + window);
        var readFrom = Math.Max(0, from - Margin);
        var excerpt = pageText[readFrom..Math.Min(pageText.Length, to + Margin)];

        int Distance(ContractFact fact) =>
            fact.Start >= start + length ? fact.Start - (start + length)
            : fact.Start + fact.Text.Length <= start ? start - (fact.Start + fact.Text.Length)
            : 0;

        return Amounts(excerpt).Concat(Numbers(excerpt)).Concat(Dates(excerpt))
            .Select(fact => fact with { Page = page, Start = readFrom + fact.Start })
            .Where(fact => fact.Start >= from && fact.Start < to)
            .GroupBy(fact => (fact.Kind, fact.Amount, Number: fact.Number?.ToUpperInvariant(), fact.Date))
            .Select(same => same.MinBy(Distance)!)
            .OrderBy(fact => fact.Kind)
            .ThenBy(Distance)
            .ThenBy(fact => fact.Start)
            .ToList();
    }

    private static IEnumerable<ContractFact> Amounts(string text)
    {
        foreach (Match match in Amount().Matches(text))
        {
            var number = decimal.Parse(match.Groups["number"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var scale = match.Groups["scale"].Success ? Scales[match.Groups["scale"].Value] : 1m;
            yield return new ContractFact(ContractFactKind.Amount, match.Value, 0, match.Index, Amount: number * scale);
        }
    }

    private static IEnumerable<ContractFact> Numbers(string text)
    {
        foreach (Match match in ContractNumber().Matches(text))
        {
            var number = match.Groups["number"].Value;
            if (number.Any(char.IsAsciiDigit))
            {
                yield return new ContractFact(ContractFactKind.Number, match.Value, 0, match.Index, Number: number);
            }
        }
    }

    private static IEnumerable<ContractFact> Dates(string text) =>
        WrittenDates.Find(text).Select(date => new ContractFact(ContractFactKind.Date, date.AsWritten, 0, date.Index, Date: date.Date));

    /// <summary>
    /// "$24,500.00", "$ 24,500", "US$ 5,000", "USD 5,000", "$1.2 million", "$3.5M", "$500k"; "5,000.00 USD",
    /// "24,500 dollars", "2 million dollars". A bare number is no amount.
    /// </summary>
    [GeneratedRegex(
        $@"(?:\bUS\$|\$|\bUSD\b)\s*{Figure}(?:{ScaleWord}|(?<scale>mm|m|bn|b|k)\b)?"
        + $@"|(?<![\d.,$]){Figure}(?:{ScaleWord})?\s*(?:USD|dollars?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    /// <summary>
    /// "Contract No. 2021-114", "Contract Number: C-2021-114", "Agreement #SPK-4471", "Purchase Order No. 88123",
    /// "P.O. 4500012345", "PO #4500012345". A contract or agreement needs "No.", "Number" or "#" before its number, or
    /// "the contract 2 years ago" would have one; a purchase order is often written without.
    /// </summary>
    [GeneratedRegex(
        $@"(?:\b(?:contract|agreement){NumberMarker}|(?:\bpurchase\s+order|(?-i:\bP\.?O\b)\.?)(?:{NumberMarker})?)"
        + @"\s*(?<number>[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){0,39})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContractNumber();
}
