using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PraTracker.Jobs.Documents.Ocr;

/// <summary>
/// How scanned pages are read (Ocr:*): with OCRmyPDF and Tesseract, in the given languages, within a time limit per
/// document. A PDF page whose text layer holds fewer than <see cref="MinCharactersPerPage"/> non-whitespace characters
/// is taken to be an image only, such as a scan with a Bates number stamped on it, and is OCR'd.
/// </summary>
public sealed partial record OcrSettings
{
    public const string Section = "Ocr";

    public bool Enabled { get; init; } = true;

    /// <summary>The OCRmyPDF program: a name found on the PATH, or a full path.</summary>
    public string Command { get; init; } = "ocrmypdf";

    /// <summary>Tesseract's language codes, joined by '+' when a production mixes languages ("eng+spa").</summary>
    public string Language { get; init; } = "eng";

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(15);

    public int MinCharactersPerPage { get; init; } = 40;

    /// <summary>The languages Tesseract must have data for.</summary>
    public IReadOnlyList<string> Languages => Language.Split('+');

    /// <summary>Reads the settings; any that are wrong stop the app here, each named with what it must be.</summary>
    public static OcrSettings FromConfiguration(IConfiguration configuration)
    {
        var defaults = new OcrSettings();
        var settings = new OcrSettings
        {
            Enabled = configuration.GetValue("Ocr:Enabled", defaults.Enabled),
            Command = configuration["Ocr:Command"] is { Length: > 0 } command ? command.Trim() : defaults.Command,
            Language = configuration["Ocr:Language"] is { Length: > 0 } language ? language.Trim() : defaults.Language,
            TimeLimit = configuration.GetValue("Ocr:TimeLimit", defaults.TimeLimit),
            MinCharactersPerPage = configuration.GetValue("Ocr:MinCharactersPerPage", defaults.MinCharactersPerPage),
        };
        var errors = settings.Validate();
        return errors.Count == 0 ? settings : throw new InvalidOperationException(string.Join(" ", errors));
    }

    /// <summary>What is wrong with these settings, one sentence a setting; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Command))
        {
            errors.Add($"{Section}:{nameof(Command)} is empty; name the OCRmyPDF program, such as ocrmypdf.");
        }

        if (!LanguagePattern().IsMatch(Language))
        {
            errors.Add($"{Section}:{nameof(Language)} is \"{Language}\"; use Tesseract's language codes, joined by '+' (eng, or eng+spa).");
        }

        if (TimeLimit <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{nameof(TimeLimit)} is {TimeLimit}; it must be longer than zero, such as 00:15:00.");
        }

        if (MinCharactersPerPage < 0)
        {
            errors.Add($"{Section}:{nameof(MinCharactersPerPage)} is {MinCharactersPerPage}; it must be 0 or more.");
        }

        return errors;
    }

    // Only letters, underscores and '+': the value becomes one argument of ocrmypdf and names files in Tesseract's data folder.
    [GeneratedRegex("^[a-z_]+(\\+[a-z_]+)*$")]
    private static partial Regex LanguagePattern();
}
