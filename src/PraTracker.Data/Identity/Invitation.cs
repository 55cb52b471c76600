namespace PraTracker.Data.Identity;

/// <summary>
/// An admin's invitation for someone to join as an attorney or admin. The link in the e-mail carries a secret of
/// which only the hash is stored; it works once, until it expires or is revoked, and sets the account's password.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Email { get; set; }

    /// <summary>The e-mail as Identity normalizes it, to find an open invitation or an account for the same address.</summary>
    public required string NormalizedEmail { get; set; }

    public required string DisplayName { get; set; }
    public required string Role { get; set; }

    /// <summary>SHA-256 of the secret in the invitation link; the secret itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public string? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the e-mail last went out, and the mail server's error when it did not.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public string? SendError { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Pending;
}

/// <summary>Where an invitation stands.</summary>
public enum InvitationState
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}
