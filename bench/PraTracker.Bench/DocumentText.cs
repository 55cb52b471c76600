using System.Text;

namespace PraTracker.Bench;

/// <summary>
/// Text for generated documents from a known vocabulary: real words of police records first, then invented words,
/// drawn with a Zipf distribution as words are in real text. The benchmark's search terms are planted at known
/// rates: <see cref="CommonWord"/> is in nearly every document, <see cref="RareWord"/> in about 1 in 500, and
/// <see cref="Phrase"/> in about 1 in 50.
/// </summary>
public sealed class DocumentText
{
    public const string CommonWord = "police";
    public const string RareWord = "stingray";
    public const string Phrase = "facial recognition software";

    private static readonly string[] RecordsWords =
    [
        "police", "department", "records", "request", "contract", "agreement", "vendor", "data", "officer", "city",
        "county", "public", "information", "system", "access", "license", "services", "software", "account", "search",
        "investigation", "personnel", "chief", "council", "approval", "purchase", "order", "invoice", "payment", "amount",
        "term", "renewal", "subscription", "database", "user", "training", "policy", "procedure", "audit", "log",
        "email", "attachment", "meeting", "memorandum", "review", "legal", "counsel", "exempt", "disclosure", "release",
        "camera", "video", "plate", "reader", "location", "tracking", "social", "media", "monitoring", "analytics",
        "identity", "photo", "image", "match", "suspect", "case", "report", "incident", "warrant", "subpoena",
        "confidential", "proprietary", "trade", "secret", "nondisclosure", "pilot", "trial", "demonstration", "quote", "proposal",
        "budget", "grant", "fiscal", "year", "quarter", "annual", "monthly", "approved", "signed", "executed",
        "section", "code", "government", "statute", "provision", "response", "determination", "extension", "deadline", "notice",
        "people", "person", "address", "phone", "number", "name", "date", "time", "unit", "division",
        "sergeant", "lieutenant", "captain", "detective", "analyst", "administrator", "manager", "director", "staff", "team",
    ];

    private const int InventedWords = 20_000;
    private const double ZipfExponent = 1.07;

    private readonly string[] _words;
    private readonly double[] _cumulative;

    public DocumentText()
    {
        var invented = new Random(2026);
        var known = new HashSet<string>(RecordsWords) { RareWord, "facial", "recognition" };
        var words = new List<string>(RecordsWords);
        while (words.Count < RecordsWords.Length + InventedWords)
        {
            var word = Invent(invented);
            if (known.Add(word))
            {
                words.Add(word);
            }
        }

        _words = [.. words];
        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var rank = 0; rank < _words.Length; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, ZipfExponent);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < _cumulative.Length; rank++)
        {
            _cumulative[rank] /= sum;
        }
    }

    /// <summary>A word from the vocabulary, as often as its rank says.</summary>
    public string Word(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[index < 0 ? Math.Min(~index, _words.Length - 1) : index];
    }

    /// <summary>Roughly <paramref name="characters"/> characters of sentences, with the planted terms at their rates.</summary>
    public string Write(Random random, int characters)
    {
        var text = new StringBuilder(characters + 200);
        var plantRare = random.Next(500) == 0;
        var plantPhrase = random.Next(50) == 0;
        while (text.Length < characters)
        {
            var length = random.Next(8, 22);
            for (var i = 0; i < length; i++)
            {
                var word = Word(random);
                text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i == length - 1 ? ". " : " ");
            }

            if (random.Next(40) == 0)
            {
                text.Append("\n\n");
            }

        }

        // A short document may end before the planted sentences came up: they go at its end.
        if (plantRare)
        {
            text.Append("The ").Append(RareWord).Append(" cell-site simulator was deployed under the agreement. ");
        }

        if (plantPhrase)
        {
            text.Append("The department licensed ").Append(Phrase).Append(" from the vendor. ");
        }

        return text.ToString();
    }

    /// <summary>A short title-like run of words.</summary>
    public string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(random)));

    private static string Invent(Random random)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var syllables = random.Next(2, 5);
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        if (random.Next(3) == 0)
        {
            word.Append(consonants[random.Next(consonants.Length)]);
        }

        return word.ToString();
    }
}
