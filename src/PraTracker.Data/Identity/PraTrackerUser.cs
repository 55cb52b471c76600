using Microsoft.AspNetCore.Identity;

namespace PraTracker.Data.Identity;

/// <summary>A signed-in user of the app: an attorney or an admin.</summary>
public class PraTrackerUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The roles the app knows.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Attorney = "Attorney";
    public static readonly IReadOnlyList<string> All = [Admin, Attorney];
}
