using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Identity;

/// <summary>The organisation's sign-in rules that admins set in the app (one row).</summary>
public class SignInPolicy
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Whether every attorney and admin must sign in with an authenticator code as well as a password.</summary>
    public bool RequireTwoFactor { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}

internal sealed class SignInPolicyConfiguration : IEntityTypeConfiguration<SignInPolicy>
{
    public void Configure(EntityTypeBuilder<SignInPolicy> policy)
    {
        policy.ToTable("SignInPolicy");
        policy.Property(p => p.Id).ValueGeneratedNever();
        policy.Property(p => p.UpdatedById).HasMaxLength(450);
    }
}
