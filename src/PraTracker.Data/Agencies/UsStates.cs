namespace PraTracker.Data.Agencies;

/// <summary>The two-letter postal codes of the states, the District of Columbia and the territories, by name.</summary>
public static class UsStates
{
    private static readonly Dictionary<string, string> CodesByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL",
        ["Alaska"] = "AK",
        ["Arizona"] = "AZ",
        ["Arkansas"] = "AR",
        ["California"] = "CA",
        ["Colorado"] = "CO",
        ["Connecticut"] = "CT",
        ["Delaware"] = "DE",
        ["Florida"] = "FL",
        ["Georgia"] = "GA",
        ["Hawaii"] = "HI",
        ["Idaho"] = "ID",
        ["Illinois"] = "IL",
        ["Indiana"] = "IN",
        ["Iowa"] = "IA",
        ["Kansas"] = "KS",
        ["Kentucky"] = "KY",
        ["Louisiana"] = "LA",
        ["Maine"] = "ME",
        ["Maryland"] = "MD",
        ["Massachusetts"] = "MA",
        ["Michigan"] = "MI",
        ["Minnesota"] = "MN",
        ["Mississippi"] = "MS",
        ["Missouri"] = "MO",
        ["Montana"] = "MT",
        ["Nebraska"] = "NE",
        ["Nevada"] = "NV",
        ["New Hampshire"] = "NH",
        ["New Jersey"] = "NJ",
        ["New Mexico"] = "NM",
        ["New York"] = "NY",
        ["North Carolina"] = "NC",
        ["North Dakota"] = "ND",
        ["Ohio"] = "OH",
        ["Oklahoma"] = "OK",
        ["Oregon"] = "OR",
        ["Pennsylvania"] = "PA",
        ["Rhode Island"] = "RI",
        ["South Carolina"] = "SC",
        ["South Dakota"] = "SD",
        ["Tennessee"] = "TN",
        ["Texas"] = "TX",
        ["Utah"] = "UT",
        ["Vermont"] = "VT",
        ["Virginia"] = "VA",
        ["Washington"] = "WA",
        ["West Virginia"] = "WV",
        ["Wisconsin"] = "WI",
        ["Wyoming"] = "WY",
        ["District of Columbia"] = "DC",
        ["Washington, D.C."] = "DC",
        ["Washington DC"] = "DC",
        ["Puerto Rico"] = "PR",
        ["Guam"] = "GU",
        ["U.S. Virgin Islands"] = "VI",
        ["Virgin Islands"] = "VI",
        ["American Samoa"] = "AS",
        ["Northern Mariana Islands"] = "MP",
        ["United States"] = "US",
        ["Federal"] = "US",
        ["United Kingdom"] = "UK",
    };

    /// <summary>The postal code for a state written either way ("California" or "ca"), or the text upper-cased as given.</summary>
    public static string Normalize(string state)
    {
        var trimmed = state.Trim();
        return CodesByName.TryGetValue(trimmed, out var code) ? code : trimmed.ToUpperInvariant();
    }
}
