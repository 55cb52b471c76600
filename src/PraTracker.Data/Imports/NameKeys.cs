using System.Text;

namespace PraTracker.Data.Imports;

/// <summary>
/// How imported names are compared with those on file: without regard to case, punctuation, spacing, "&amp;" or "and",
/// "Dept." or "Department", and for companies the legal form ("Clearview AI, Inc." is Clearview AI).
/// </summary>
public static class NameKeys
{
    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["dept"] = "department",
        ["&"] = "and",
        ["co"] = "county",
        ["sherrif"] = "sheriff",
        ["sheriffs"] = "sheriff",
        ["st"] = "saint",
        ["ft"] = "fort",
        ["mt"] = "mount",
    };

    private static readonly HashSet<string> LegalForms = ["inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "lp", "llp"];

    public static string Agency(string name)
    {
        var words = Words(name).Select(w => Abbreviations.GetValueOrDefault(w, w)).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    public static string Vendor(string name)
    {
        var words = Words(name).Select(w => w == "&" ? "and" : w).ToList();
        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    // Lower-case words of letters and digits; apostrophes vanish ("Sheriff's" is "sheriffs"), other marks separate words.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                continue;
            }
            else
            {
                Flush();
                if (c == '&')
                {
                    words.Add("&");
                }
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }
}
