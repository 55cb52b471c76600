using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Agencies;

/// <summary>An agency as its form fills it in.</summary>
public sealed class AgencyInput
{
    public string Name { get; set; } = "";
    public AgencyKind Kind { get; set; } = AgencyKind.PoliceDepartment;
    public string? City { get; set; }
    public string? County { get; set; }
    public string State { get; set; } = "";
    public string? RecordsEmail { get; set; }
    public string? PortalUrl { get; set; }
    public string? MailingAddress { get; set; }
    public Guid? LawId { get; set; }

    /// <summary>Other names it goes by, one per line ("LAPD" for "Los Angeles Police Department").</summary>
    public string? Aliases { get; set; }

    public static AgencyInput From(Agency agency) => new()
    {
        Name = agency.Name,
        Kind = agency.Kind,
        City = agency.City,
        County = agency.County,
        State = agency.State,
        RecordsEmail = agency.RecordsEmail,
        PortalUrl = agency.PortalUrl,
        MailingAddress = agency.MailingAddress,
        LawId = agency.LawId,
        Aliases = agency.Aliases,
    };
}

/// <summary>The outcome of saving an agency: the problems keyed by field ("" for the whole form), or its id.</summary>
public sealed record AgencySaveResult(IReadOnlyDictionary<string, string> Errors, Guid? Id)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creates and edits agencies; each save is audited in the same transaction.</summary>
public static class AgencyCommands
{
    public static IReadOnlyDictionary<string, string> Validate(AgencyInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = "Give the agency's name.";
        }
        else if (input.Name.Length > 300)
        {
            errors[nameof(input.Name)] = "Keep the name under 300 characters.";
        }

        if (input.City?.Trim().Length > 120 || input.County?.Trim().Length > 120)
        {
            errors[input.City?.Trim().Length > 120 ? nameof(input.City) : nameof(input.County)] = "Keep city and county under 120 characters.";
        }

        var state = input.State.Trim().ToUpperInvariant();
        if (state.Length != 2 || !state.All(char.IsAsciiLetterUpper))
        {
            errors[nameof(input.State)] = "Use the two-letter postal code (CA, NY), US for a federal agency, or UK.";
        }

        if (!string.IsNullOrWhiteSpace(input.RecordsEmail) && !MailAddress.TryCreate(input.RecordsEmail.Trim(), out _))
        {
            errors[nameof(input.RecordsEmail)] = $"\"{input.RecordsEmail}\" is not an e-mail address.";
        }

        if (!string.IsNullOrWhiteSpace(input.PortalUrl)
            && !(Uri.TryCreate(input.PortalUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors[nameof(input.PortalUrl)] = "The portal must be a web address (https://...).";
        }

        if (Aliases.Problem(input.Aliases) is { } aliasProblem)
        {
            errors[nameof(input.Aliases)] = aliasProblem;
        }

        return errors;
    }

    public static async Task<AgencySaveResult> CreateAsync(PraTrackerDbContext db, AgencyInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(db, input, null, ct);
        if (errors.Count > 0)
        {
            return new AgencySaveResult(errors, null);
        }

        var agency = new Agency { Name = input.Name.Trim(), State = input.State.Trim().ToUpperInvariant() };
        Apply(agency, input);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return new AgencySaveResult(new Dictionary<string, string>(), agency.Id);
    }

    public static async Task<AgencySaveResult> UpdateAsync(PraTrackerDbContext db, Guid id, AgencyInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(db, input, id, ct);
        if (errors.Count > 0)
        {
            return new AgencySaveResult(errors, id);
        }

        if (await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct) is not { } agency)
        {
            return new AgencySaveResult(new Dictionary<string, string> { [""] = "That agency no longer exists." }, null);
        }

        Apply(agency, input);
        await db.SaveChangesAsync(ct);
        return new AgencySaveResult(new Dictionary<string, string>(), agency.Id);
    }

    private static async Task<Dictionary<string, string>> ValidateAsync(PraTrackerDbContext db, AgencyInput input, Guid? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(Validate(input));
        if (errors.Count == 0)
        {
            var name = input.Name.Trim();
            var state = input.State.Trim().ToUpperInvariant();
            if (await db.Agencies.AnyAsync(a => a.Name == name && a.State == state && a.Id != id, ct))
            {
                errors[nameof(input.Name)] = $"{name} ({state}) is already on file.";
            }
        }

        if (input.LawId is { } lawId && !await db.Laws.AnyAsync(l => l.Id == lawId, ct))
        {
            errors[nameof(input.LawId)] = "That law no longer exists.";
        }

        return errors;
    }

    private static void Apply(Agency agency, AgencyInput input)
    {
        agency.Name = input.Name.Trim();
        agency.Kind = input.Kind;
        agency.City = InputText.TrimmedOrNull(input.City);
        agency.County = InputText.TrimmedOrNull(input.County);
        agency.State = input.State.Trim().ToUpperInvariant();
        agency.RecordsEmail = InputText.TrimmedOrNull(input.RecordsEmail);
        agency.PortalUrl = InputText.TrimmedOrNull(input.PortalUrl);
        agency.MailingAddress = InputText.TrimmedOrNull(input.MailingAddress);
        agency.LawId = input.LawId;
        agency.Aliases = Aliases.Normalise(input.Aliases, agency.Name);
    }

}
