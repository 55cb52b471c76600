namespace PraTracker.Data.Imports;

/// <summary>The Atlas of Surveillance's technology names, read as PraTracker's technology categories.</summary>
public static class AtlasTechnologies
{
    private static readonly Dictionary<string, string> CategoryCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Automated License Plate Readers"] = "license-plate-readers",
        ["Automated License Plate Reader"] = "license-plate-readers",
        ["ALPR"] = "license-plate-readers",
        ["Body-worn Cameras"] = "body-cameras",
        ["Body Worn Cameras"] = "body-cameras",
        ["Camera Registry"] = "video-analytics",
        ["Real-Time Crime Center"] = "video-analytics",
        ["Real Time Crime Center"] = "video-analytics",
        ["Video Analytics"] = "video-analytics",
        ["Cell-site Simulator"] = "cell-site-simulators",
        ["Cell-site Simulators"] = "cell-site-simulators",
        ["Cell Site Simulator"] = "cell-site-simulators",
        ["Drones"] = "drones",
        ["Drones/UAS"] = "drones",
        ["Face Recognition"] = "face-recognition",
        ["Facial Recognition"] = "face-recognition",
        ["Gunshot Detection"] = "gunshot-detection",
        ["Predictive Policing"] = "predictive-policing",
        ["Social Media Monitoring"] = "social-media-monitoring",
        ["Third-Party Investigative Platforms"] = "people-search",
        ["Third-party Investigative Platform"] = "people-search",
        ["Data Brokers"] = "people-search",
        ["Cell Phone Forensics"] = "phone-extraction",
        ["Mobile Device Forensics"] = "phone-extraction",
        ["Phone Extraction"] = "phone-extraction",
        ["Fusion Center"] = "other",
        ["Ring/Neighbors Partnership"] = "other",
    };

    /// <summary>The category code for an Atlas technology name, or null for a name this list does not know.</summary>
    public static string? CategoryCode(string label) => CategoryCodes.GetValueOrDefault(label.Trim());
}
