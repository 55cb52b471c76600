using Microsoft.Extensions.Configuration;
using PraTracker.Jobs.Documents.Ocr;

namespace PraTracker.Jobs.Tests.Ocr;

/// <summary>Ocr:*, as an operator writes them: defaults that work on a Debian server, and a typo stops start-up with the reason.</summary>
public sealed class OcrSettingsTests
{
    [Fact]
    public void With_nothing_configured_OCR_is_on_in_English_with_a_quarter_of_an_hour_per_document()
    {
        var settings = OcrSettings.FromConfiguration(Configuration(new()));

        Assert.Equal(new OcrSettings { Enabled = true, Command = "ocrmypdf", Language = "eng", TimeLimit = TimeSpan.FromMinutes(15), MinCharactersPerPage = 40 }, settings);
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void Configured_values_are_read_from_the_Ocr_section()
    {
        var settings = OcrSettings.FromConfiguration(Configuration(new()
        {
            ["Ocr:Enabled"] = "false",
            ["Ocr:Command"] = "/opt/ocrmypdf/bin/ocrmypdf",
            ["Ocr:Language"] = "eng+chi_sim",
            ["Ocr:TimeLimit"] = "00:05:00",
            ["Ocr:MinCharactersPerPage"] = "10",
        }));

        Assert.Equal(new OcrSettings { Enabled = false, Command = "/opt/ocrmypdf/bin/ocrmypdf", Language = "eng+chi_sim", TimeLimit = TimeSpan.FromMinutes(5), MinCharactersPerPage = 10 }, settings);
        Assert.Equal(["eng", "chi_sim"], settings.Languages);
    }

    [Theory]
    [InlineData("Ocr:Language", "eng; rm -rf /", "Ocr:Language is \"eng; rm -rf /\"; use Tesseract's language codes, joined by '+' (eng, or eng+spa).")]
    [InlineData("Ocr:Language", "eng+", "Ocr:Language is \"eng+\"; use Tesseract's language codes, joined by '+' (eng, or eng+spa).")]
    [InlineData("Ocr:TimeLimit", "00:00:00", "Ocr:TimeLimit is 00:00:00; it must be longer than zero, such as 00:15:00.")]
    [InlineData("Ocr:MinCharactersPerPage", "-1", "Ocr:MinCharactersPerPage is -1; it must be 0 or more.")]
    public void A_setting_that_makes_no_sense_stops_start_up_with_the_reason(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OcrSettings.FromConfiguration(Configuration(new() { [key] = value })));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var errors = new OcrSettings { Command = " ", Language = "", TimeLimit = TimeSpan.FromSeconds(-1), MinCharactersPerPage = -5 }.Validate();

        Assert.Equal(4, errors.Count);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
