using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Identity;

/// <summary>What an admin fills in to invite someone.</summary>
public sealed record InvitationInput(string Email, string DisplayName, string Role);

/// <summary>An invitation just made or renewed, with the secret for its link: the only time the secret is known.</summary>
public sealed record IssuedInvitation(Guid Id, string Email, string DisplayName, string Role, string Token, DateTimeOffset ExpiresAt);

/// <summary>An invitation as the admin page lists it.</summary>
public sealed record InvitationRow(
    Guid Id, string Email, string DisplayName, string Role, InvitationState State,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? SentAt, string? SendError, string? InvitedBy);

/// <summary>An open invitation as its link's page shows it to the invitee.</summary>
public sealed record OpenInvitation(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset ExpiresAt);

/// <summary>Creates, renews, revokes and looks up admins' invitations; accepting one is <see cref="UserAccounts"/>' work.</summary>
public static class Invitations
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 200;

    /// <summary>How long an invitation link works when Security:InvitationDays is not set.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    /// <summary>Identity's own normalization (upper invariant), so an invitation and an account compare alike.</summary>
    public static string Normalize(string email) => email.Trim().Normalize().ToUpperInvariant();

    public static IReadOnlyDictionary<string, string> Validate(InvitationInput input)
    {
        var errors = new Dictionary<string, string>();
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors[nameof(input.Email)] = "Enter the e-mail address to send the invitation to.";
        }
        else if (email.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(email) || email.Any(char.IsControl))
        {
            errors[nameof(input.Email)] = $"Enter a valid e-mail address of at most {MaxEmailLength} characters.";
        }

        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(input.DisplayName)] = "Enter the person's name, as colleagues will see it.";
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors[nameof(input.DisplayName)] = $"Enter a name of at most {MaxNameLength} characters, on one line.";
        }

        if (!Roles.All.Contains(input.Role))
        {
            errors[nameof(input.Role)] = "Choose Attorney or Admin.";
        }

        return errors;
    }

    /// <summary>
    /// Invites someone, or returns the errors and saves nothing. Inviting an address again revokes its earlier open
    /// invitation, so only the newest link works.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, string> Errors, IssuedInvitation? Issued)> CreateAsync(
        PraTrackerDbContext db, InvitationInput input, string invitedById, DateTimeOffset now, TimeSpan lifetime, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var email = input.Email.Trim();
        var normalized = Normalize(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            return (new Dictionary<string, string> { [nameof(input.Email)] = $"{email} already has an account." }, null);
        }

        var open = await db.Set<Invitation>()
            .Where(i => i.NormalizedEmail == normalized && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var earlier in open)
        {
            earlier.RevokedAt = now;
        }

        var token = SecretTokens.New();
        var invitation = new Invitation
        {
            Email = email,
            NormalizedEmail = normalized,
            DisplayName = input.DisplayName.Trim(),
            Role = input.Role,
            TokenHash = SecretTokens.Hash(token),
            InvitedById = invitedById,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Add(invitation);
        await db.SaveChangesAsync(ct);
        return (errors, Issue(invitation, token));
    }

    /// <summary>A new link for an invitation not yet accepted or revoked (the old link stops working), with a new expiry.</summary>
    public static async Task<IssuedInvitation?> RenewAsync(PraTrackerDbContext db, Guid id, DateTimeOffset now, TimeSpan lifetime, CancellationToken ct = default)
    {
        var invitation = await db.Set<Invitation>().SingleOrDefaultAsync(i => i.Id == id && i.AcceptedAt == null && i.RevokedAt == null, ct);
        if (invitation is null)
        {
            return null;
        }

        var token = SecretTokens.New();
        invitation.TokenHash = SecretTokens.Hash(token);
        invitation.ExpiresAt = now + lifetime;
        invitation.SentAt = null;
        invitation.SendError = null;
        await db.SaveChangesAsync(ct);
        return Issue(invitation, token);
    }

    /// <summary>Records whether the invitation e-mail went out; an error is kept so the admin sees it and can send again.</summary>
    public static Task RecordSendingAsync(PraTrackerDbContext db, Guid id, DateTimeOffset now, string? error, CancellationToken ct = default) =>
        db.Set<Invitation>().Where(i => i.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(i => i.SentAt, error == null ? now : null)
                .SetProperty(i => i.SendError, error == null ? null : error.Length > 1000 ? error[..1000] : error),
            ct);

    /// <summary>Stops an open invitation's link from working; false when it was already accepted or revoked.</summary>
    public static async Task<bool> RevokeAsync(PraTrackerDbContext db, Guid id, DateTimeOffset now, CancellationToken ct = default) =>
        await db.Set<Invitation>().Where(i => i.Id == id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), ct) == 1;

    /// <summary>The invitation a link's secret belongs to and where it stands; null for an unknown or malformed secret.</summary>
    public static async Task<(InvitationState State, OpenInvitation Invitation)?> FindAsync(PraTrackerDbContext db, string? token, DateTimeOffset now, CancellationToken ct = default)
    {
        var invitation = await FindEntityAsync(db.Set<Invitation>().AsNoTracking(), token, ct);
        return invitation is null
            ? null
            : (invitation.StateAt(now), new OpenInvitation(invitation.Id, invitation.Email, invitation.DisplayName, invitation.Role, invitation.ExpiresAt));
    }

    /// <summary>The newest invitations, open ones first, for the admin page.</summary>
    public static async Task<IReadOnlyList<InvitationRow>> ListAsync(PraTrackerDbContext db, DateTimeOffset now, int take = 50, CancellationToken ct = default)
    {
        var rows = await db.Set<Invitation>().AsNoTracking()
            .OrderByDescending(i => i.CreatedAt)
            .Take(take)
            .Select(i => new
            {
                Invitation = i,
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedById).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new InvitationRow(
                r.Invitation.Id, r.Invitation.Email, r.Invitation.DisplayName, r.Invitation.Role, r.Invitation.StateAt(now),
                r.Invitation.CreatedAt, r.Invitation.ExpiresAt, r.Invitation.SentAt, r.Invitation.SendError, r.InvitedBy))
            .OrderBy(r => r.State == InvitationState.Pending ? 0 : 1)];
    }

    internal static async Task<Invitation?> FindEntityAsync(IQueryable<Invitation> invitations, string? token, CancellationToken ct)
    {
        if (!SecretTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token!);
        return await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    private static IssuedInvitation Issue(Invitation invitation, string token) =>
        new(invitation.Id, invitation.Email, invitation.DisplayName, invitation.Role, token, invitation.ExpiresAt);
}
