using System.Text;

namespace PraTracker.Tests;

/// <summary>
/// A CSV in the column layout of the Atlas of Surveillance's data export, generated with names unique to one test:
/// agencies each holding several technologies, a vendor per technology (some rows without one), an agency's state
/// written as a code on some rows and as the state's name on others, and its name spelt "Dept." on some rows.
/// </summary>
public sealed class AtlasFile
{
    private static readonly string[] Header =
        ["AOSNUMBER", "City", "County", "State", "Agency", "Type of LEA", "Summary", "Type of Juris", "Technology", "Vendor", "Link 1", "Link 1 Snapshot", "Link 1 Source", "Link 1 Type", "Link 1 Date"];

    private static readonly (string Code, string Name)[] States = [("CA", "California"), ("NY", "New York"), ("TX", "Texas"), ("WA", "Washington"), ("IL", "Illinois")];

    private static readonly (string Technology, string[] Vendors)[] Technologies =
    [
        ("Automated License Plate Readers", ["Flock Safety", "Vigilant Solutions"]),
        ("Body-worn Cameras", ["Axon", "Motorola Solutions"]),
        ("Face Recognition", ["Clearview AI", "Vigilant Solutions"]),
        ("Drones", ["DJI", "Skydio"]),
        ("Gunshot Detection", ["ShotSpotter", "Flock Safety"]),
    ];

    private AtlasFile(string csv, string tag, int agencies, IReadOnlySet<string> vendors, int contracts, int rowsWithoutVendor, int vendorCategoryPairs)
    {
        Csv = csv;
        Tag = tag;
        Agencies = agencies;
        Vendors = vendors;
        Contracts = contracts;
        RowsWithoutVendor = rowsWithoutVendor;
        VendorCategoryPairs = vendorCategoryPairs;
    }

    public string Csv { get; }

    /// <summary>The word every generated agency and vendor name starts with.</summary>
    public string Tag { get; }

    public int Agencies { get; }

    public IReadOnlySet<string> Vendors { get; }

    public int Contracts { get; }

    public int RowsWithoutVendor { get; }

    /// <summary>How many vendor-and-technology-category pairs the file names (the products an empty database gains).</summary>
    public int VendorCategoryPairs { get; }

    public int Rows => Agencies * Technologies.Length;

    public static string AgencyName(string tag, int index) => $"{tag} City{index} Police Department";

    public static string VendorName(string tag, string vendor) => $"{tag} {vendor}";

    /// <summary>A file of <paramref name="agencies"/> × 5 rows; every fourth agency's drones come with no vendor named.</summary>
    public static AtlasFile Generate(int agencies, string? tag = null)
    {
        tag ??= $"T{Guid.NewGuid():N}"[..9];
        var text = new StringBuilder(string.Join(',', Header)).Append("\r\n");
        var vendors = new HashSet<string>();
        var pairs = new HashSet<(string, string)>();
        var contracts = 0;
        var withoutVendor = 0;
        var number = 1;
        for (var i = 0; i < agencies; i++)
        {
            var (code, stateName) = States[i % States.Length];
            for (var t = 0; t < Technologies.Length; t++)
            {
                var (technology, choices) = Technologies[t];
                var vendor = technology == "Drones" && i % 4 == 0 ? "" : VendorName(tag, choices[i % choices.Length]);
                var agency = t == 2 ? AgencyName(tag, i).Replace("Department", "Dept.").ToUpperInvariant() : AgencyName(tag, i);
                if (vendor.Length == 0)
                {
                    withoutVendor++;
                }
                else
                {
                    vendors.Add(vendor);
                    pairs.Add((vendor, technology));
                    contracts++;
                }

                string[] row =
                [
                    $"AOS{number++:D5}", $"City{i}", $"County{i % 40}", t == 1 ? stateName : code, agency, "Police",
                    $"The {agency} uses {technology.ToLowerInvariant()}, \"according to\" council minutes.", "Municipal",
                    technology, vendor, $"https://example.org/news/{tag}/{i}/{t}", "", "News", "News article", "2024-05-01",
                ];
                text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
            }
        }

        return new AtlasFile(text.ToString(), tag, agencies, vendors, contracts, withoutVendor, pairs.Count);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
