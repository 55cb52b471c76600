namespace PraTracker.Data.Contracts;

/// <summary>The technology categories every installation starts with.</summary>
public static class TechnologyCategories
{
    public static readonly IReadOnlyList<(string Code, string Name)> Seed =
    [
        ("people-search", "People-search and data brokers"),
        ("face-recognition", "Face recognition"),
        ("social-media-monitoring", "Social-media monitoring"),
        ("online-personas", "Online undercover personas"),
        ("tracking-pixels", "Tracking pixels and web analytics"),
        ("license-plate-readers", "License-plate readers"),
        ("cell-site-simulators", "Cell-site simulators"),
        ("phone-extraction", "Phone extraction"),
        ("gunshot-detection", "Gunshot detection"),
        ("drones", "Drones"),
        ("body-cameras", "Body cameras"),
        ("predictive-policing", "Predictive policing"),
        ("video-analytics", "Video analytics and real-time crime centers"),
        ("other", "Other"),
    ];
}
