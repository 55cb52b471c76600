namespace PraTracker.Data.Imports;

/// <summary>What a column of an imported spreadsheet holds.</summary>
public enum ImportField
{
    Agency,
    State,
    City,
    County,
    AgencyKind,
    RecordsEmail,
    Vendor,
    VendorWebsite,
    Technology,
    ContractTitle,
    ContractNumber,
    ContractStatus,
    Procurement,
    Amount,
    Currency,
    StartsOn,
    EndsOn,
    RenewsOn,
    SourceUrl,
    Notes,
}

/// <summary>One field of a preset and the column headers it is read from (the first one is what exports write).</summary>
public sealed record ImportColumn(ImportField Field, bool Required, params string[] Headers);

/// <summary>A known spreadsheet layout: which headers hold which fields, and how its technology names are read.</summary>
public sealed record ImportPreset(string Code, string Name, string Description, IReadOnlyList<ImportColumn> Columns, bool TechnologyFromAtlasLabels)
{
    public string? HeaderOf(ImportField field) => Columns.FirstOrDefault(c => c.Field == field)?.Headers[0];
}

/// <summary>The layouts the importer accepts, and how a file's layout is recognised from its header row.</summary>
public static class ImportPresets
{
    /// <summary>
    /// The CSV export of the Electronic Frontier Foundation's Atlas of Surveillance (atlasofsurveillance.org): one row per
    /// agency and technology, with the vendor where known and links to the sources.
    /// </summary>
    public static readonly ImportPreset AtlasOfSurveillance = new(
        "atlas-of-surveillance",
        "Atlas of Surveillance export",
        "One row per agency and technology: Agency, City, County, State, Technology, Vendor, source links (Link 1).",
        [
            new(ImportField.Agency, true, "Agency"),
            new(ImportField.State, true, "State"),
            new(ImportField.City, false, "City"),
            new(ImportField.County, false, "County"),
            new(ImportField.AgencyKind, false, "Type of LEA", "Type of Agency", "Agency Type"),
            new(ImportField.Technology, true, "Technology", "Type of Technology", "Technology Type"),
            new(ImportField.Vendor, false, "Vendor"),
            new(ImportField.SourceUrl, false, "Link 1", "Source Link", "Source", "Link"),
            new(ImportField.Notes, false, "Summary"),
        ],
        TechnologyFromAtlasLabels: true);

    /// <summary>PraTracker's own contracts export, so a spreadsheet exported, edited and imported again round-trips.</summary>
    public static readonly ImportPreset PraTracker = new(
        "pratracker",
        "PraTracker contracts (as exported)",
        "The columns of PraTracker's contracts export: agency, state, vendor, technology, contract title, number, status, dates, amount, source.",
        [
            new(ImportField.Agency, true, "Agency"),
            new(ImportField.State, true, "State"),
            new(ImportField.City, false, "City"),
            new(ImportField.County, false, "County"),
            new(ImportField.AgencyKind, false, "Agency kind"),
            new(ImportField.RecordsEmail, false, "Records e-mail"),
            new(ImportField.Vendor, false, "Vendor"),
            new(ImportField.VendorWebsite, false, "Vendor website"),
            new(ImportField.Technology, false, "Technology"),
            new(ImportField.ContractTitle, false, "Contract"),
            new(ImportField.ContractNumber, false, "Contract number"),
            new(ImportField.ContractStatus, false, "Contract status"),
            new(ImportField.Procurement, false, "Procurement"),
            new(ImportField.Amount, false, "Amount"),
            new(ImportField.Currency, false, "Currency"),
            new(ImportField.StartsOn, false, "Starts on"),
            new(ImportField.EndsOn, false, "Ends on"),
            new(ImportField.RenewsOn, false, "Renews on"),
            new(ImportField.SourceUrl, false, "Source"),
            new(ImportField.Notes, false, "Notes"),
        ],
        TechnologyFromAtlasLabels: false);

    public static readonly IReadOnlyList<ImportPreset> All = [AtlasOfSurveillance, PraTracker];

    public static ImportPreset? Find(string? code) => All.FirstOrDefault(p => p.Code == code);

    /// <summary>The preset whose required headers the file has, preferring the one that reads most of its columns.</summary>
    public static ImportPreset? Detect(IReadOnlyCollection<string> headers) => All
        .Where(p => MissingHeaders(p, headers).Count == 0)
        .OrderByDescending(p => p.Columns.Count(c => ColumnIndex(c, headers) is not null))
        .FirstOrDefault();

    /// <summary>The required columns a file lacks, by their preferred header.</summary>
    public static IReadOnlyList<string> MissingHeaders(ImportPreset preset, IReadOnlyCollection<string> headers) =>
        [.. preset.Columns.Where(c => c.Required && ColumnIndex(c, headers) is null).Select(c => c.Headers[0])];

    /// <summary>Where a column is in the header row, matched without regard to case or surrounding spaces.</summary>
    public static int? ColumnIndex(ImportColumn column, IReadOnlyCollection<string> headers)
    {
        var index = 0;
        foreach (var header in headers)
        {
            if (column.Headers.Any(h => string.Equals(h, header.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return index;
            }

            index++;
        }

        return null;
    }
}
