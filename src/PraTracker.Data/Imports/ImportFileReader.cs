using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;

namespace PraTracker.Data.Imports;

/// <summary>One data row of an imported file read into what it says; nothing is matched with the database yet.</summary>
/// <param name="Line">The row's line in the file (the header is line 1), as a spreadsheet numbers it.</param>
/// <param name="Contract">What the row says about a contract, or null for a row that names no vendor (an agency only).</param>
/// <param name="ContractTitled">Whether the row gave the contract's title; an Atlas of Surveillance row does not, so one is made up.</param>
public sealed record ImportLine(
    int Line, string Agency, string State, string? City, string? County, AgencyKind? AgencyKind, string? RecordsEmail,
    string? Vendor, string? VendorWebsite, string? TechnologyCode, string? TechnologyLabel, ContractInput? Contract, bool ContractTitled,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Notes)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>A file read with a preset: its rows, or the reason it could not be read at all.</summary>
public sealed record ImportFile(string FileName, ImportPreset? Preset, IReadOnlyList<string> Headers, IReadOnlyList<ImportLine> Lines, string? Error)
{
    public bool CanImport => Error is null && Lines.Any(l => l.IsValid);
}

/// <summary>Reads a CSV file (comma, semicolon or tab separated, UTF-8) with one of the <see cref="ImportPresets"/>.</summary>
public static class ImportFileReader
{
    /// <summary>More rows than this are refused whole: split the file.</summary>
    public const int MaxRows = 50_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy", "yyyy/MM/dd", "d MMMM yyyy", "MMMM d, yyyy"];

    /// <summary>Reads the file; with no preset code the preset is recognised from the header row.</summary>
    public static async Task<ImportFile> ReadAsync(Stream content, string fileName, string? presetCode = null, CancellationToken ct = default)
    {
        var straysOnLines = new HashSet<int>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            MissingFieldFound = null,
            HeaderValidated = null,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = bad => straysOnLines.Add(bad.Context.Parser?.RawRow ?? 0),
        };

        using var text = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(text, configuration);
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } headerRecord)
            {
                return Refused("The file is empty: it needs a header row and at least one row of data.");
            }

            var headers = headerRecord.Select(h => h.Trim()).ToList();
            var preset = presetCode is null ? ImportPresets.Detect(headers) : ImportPresets.Find(presetCode);
            if (preset is null)
            {
                return presetCode is null
                    ? Refused($"The columns ({string.Join(", ", headers)}) match no known layout. An Atlas of Surveillance export has Agency, State and Technology; PraTracker's contracts export has Agency and State.", headers)
                    : Refused($"There is no layout called \"{presetCode}\".", headers);
            }

            if (ImportPresets.MissingHeaders(preset, headers) is { Count: > 0 } missing)
            {
                return Refused($"The file lacks the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} that the {preset.Name} layout needs. Its columns are: {string.Join(", ", headers)}.", headers, preset);
            }

            var indexes = preset.Columns
                .Select(c => (c.Field, Index: ImportPresets.ColumnIndex(c, headers)))
                .Where(c => c.Index is not null)
                .ToDictionary(c => c.Field, c => c.Index!.Value);
            var lines = new List<ImportLine>();
            while (await csv.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                var record = csv.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (lines.Count == MaxRows)
                {
                    return Refused($"The file has more than {MaxRows:N0} rows. Split it into smaller files.", headers, preset);
                }

                var line = csv.Parser.RawRow;
                string? Field(ImportField field) =>
                    indexes.TryGetValue(field, out var index) && index < record.Length && !string.IsNullOrWhiteSpace(record[index]) ? Unescaped(record[index].Trim()) : null;
                lines.Add(ReadLine(line, Field, preset, straysOnLines.Contains(line)));
            }

            if (lines.Count == 0)
            {
                return Refused("The file has a header row but no rows of data.", headers, preset);
            }

            return new ImportFile(fileName, preset, headers, lines, null);
        }
        catch (CsvHelperException problem)
        {
            return Refused($"The file is not readable as CSV near line {problem.Context?.Parser?.RawRow}: {problem.Message.Split('\n')[0]}");
        }

        ImportFile Refused(string error, IReadOnlyList<string>? headers = null, ImportPreset? preset = null) =>
            new(fileName, preset, headers ?? [], [], error);
    }

    // Exports write a cell that would start a spreadsheet formula (= + - @) after a ' so it stays text; read it back as written.
    private static string Unescaped(string value) => value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static ImportLine ReadLine(int line, Func<ImportField, string?> field, ImportPreset preset, bool strayQuote)
    {
        var errors = new List<string>();
        var notes = new List<string>();
        if (strayQuote)
        {
            errors.Add("A quotation mark in the middle of a field: check the row's quoting.");
        }

        var agencyInput = new AgencyInput
        {
            Name = field(ImportField.Agency) ?? "",
            State = UsStates.Normalize(field(ImportField.State) ?? ""),
            City = field(ImportField.City),
            RecordsEmail = field(ImportField.RecordsEmail),
        };
        errors.AddRange(AgencyCommands.Validate(agencyInput).Values);

        var kind = ReadAgencyKind(field(ImportField.AgencyKind), agencyInput.Name);
        var (technologyCode, technologyLabel) = ReadTechnology(field(ImportField.Technology), preset, errors, notes);
        var vendor = field(ImportField.Vendor);
        var vendorWebsite = field(ImportField.VendorWebsite);
        if (vendorWebsite is not null && !(Uri.TryCreate(vendorWebsite, UriKind.Absolute, out var site) && site.Scheme is "https" or "http"))
        {
            errors.Add($"The vendor's website \"{vendorWebsite}\" is not a web address (https://...).");
        }

        ContractInput? contract = null;
        var title = field(ImportField.ContractTitle);
        if (vendor is null)
        {
            if (title is not null)
            {
                errors.Add("A contract needs its vendor: the Vendor column is empty.");
            }
            else
            {
                notes.Add("No vendor named: only the agency is imported.");
            }
        }
        else
        {
            contract = new ContractInput
            {
                // Guid.Empty stands in for the agency and vendor, which are matched later; the rest is checked as the form checks it.
                AgencyId = Guid.Empty,
                VendorId = Guid.Empty,
                Title = title ?? $"{vendor}: {technologyLabel ?? "technology"}",
                Number = field(ImportField.ContractNumber),
                Status = ReadEnum(field(ImportField.ContractStatus), ContractStatus.Unknown, "contract status", errors),
                ProcurementMethod = ReadEnum(field(ImportField.Procurement), ProcurementMethod.Unknown, "procurement method", errors),
                Amount = ReadAmount(field(ImportField.Amount), errors),
                Currency = field(ImportField.Currency) ?? "USD",
                StartsOn = ReadDate(field(ImportField.StartsOn), "start date", errors),
                EndsOn = ReadDate(field(ImportField.EndsOn), "end date", errors),
                RenewsOn = ReadDate(field(ImportField.RenewsOn), "renewal date", errors),
                SourceUrl = field(ImportField.SourceUrl),
                Notes = field(ImportField.Notes),
            };
            errors.AddRange(ContractCommands.Validate(contract).Values);
        }

        return new ImportLine(
            line, agencyInput.Name.Trim(), agencyInput.State.Trim(), agencyInput.City, field(ImportField.County), kind, agencyInput.RecordsEmail,
            vendor, vendorWebsite, technologyCode, technologyLabel, contract, title is not null, errors.Distinct().ToList(), notes);
    }

    private static (string? Code, string? Label) ReadTechnology(string? technology, ImportPreset preset, List<string> errors, List<string> notes)
    {
        if (technology is null)
        {
            return (null, null);
        }

        var known = TechnologyCategories.Seed.FirstOrDefault(c =>
            string.Equals(c.Code, technology, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, technology, StringComparison.OrdinalIgnoreCase));
        if (known.Code is not null)
        {
            return (known.Code, known.Name);
        }

        if (preset.TechnologyFromAtlasLabels)
        {
            if (AtlasTechnologies.CategoryCode(technology) is { } code)
            {
                return (code, technology);
            }

            notes.Add($"\"{technology}\" is not a technology PraTracker knows: filed under Other.");
            return ("other", technology);
        }

        errors.Add($"\"{technology}\" is not a technology category. Use one of: {string.Join(", ", TechnologyCategories.Seed.Select(c => c.Name))}.");
        return (null, null);
    }

    // The kind is read from a kind column where there is one (PoliceDepartment, "Police department", or the Atlas's
    // "Police", "Sheriff"), else guessed from the name; it only matters for agencies the import creates.
    private static AgencyKind ReadAgencyKind(string? kind, string name)
    {
        if (TryParseName<AgencyKind>(kind, out var parsed))
        {
            return parsed;
        }

        var words = $"{kind} {name}".ToLowerInvariant();
        return words switch
        {
            _ when words.Contains("sheriff") => AgencyKind.Sheriff,
            _ when words.Contains("federal") => AgencyKind.FederalAgency,
            _ when words.Contains("state police") || words.Contains("highway patrol") || words.Contains("state agency") => AgencyKind.StateAgency,
            _ when words.Contains("police") || words.Contains("public safety") => AgencyKind.PoliceDepartment,
            _ when words.Contains("county") => AgencyKind.County,
            _ when words.Contains("city") || words.Contains("town") || words.Contains("village") => AgencyKind.City,
            _ => AgencyKind.Other,
        };
    }

    private static TEnum ReadEnum<TEnum>(string? value, TEnum blank, string what, List<string> errors)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return blank;
        }

        if (TryParseName<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add($"\"{value}\" is not a {what}. Use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return blank;
    }

    // An enum member by its name or its words, whatever the case: "SoleSource", "sole source", "Police department".
    private static bool TryParseName<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum =>
        Enum.TryParse(value?.Replace(" ", "").Replace("-", ""), ignoreCase: true, out parsed) && Enum.IsDefined(parsed);

    private static decimal? ReadAmount(string? value, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        var digits = value.Replace("$", "").Replace("£", "").Replace("€", "").Replace(",", "").Trim();
        if (decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        errors.Add($"\"{value}\" is not an amount (write 12500 or 12,500.00).");
        return null;
    }

    private static DateOnly? ReadDate(string? value, string what, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"\"{value}\" is not a {what} (write 2026-03-02).");
        return null;
    }
}
