using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Identity;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("Invitations");
        invitation.Property(i => i.Email).HasMaxLength(Invitations.MaxEmailLength);
        invitation.Property(i => i.NormalizedEmail).HasMaxLength(Invitations.MaxEmailLength);
        invitation.Property(i => i.DisplayName).HasMaxLength(Invitations.MaxNameLength);
        invitation.Property(i => i.Role).HasMaxLength(50);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.InvitedById).HasMaxLength(450);
        invitation.Property(i => i.AcceptedUserId).HasMaxLength(450);
        invitation.Property(i => i.SendError).HasMaxLength(1000);

        // The link is looked up by its secret's hash; the admin page lists invitations newest first.
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.NormalizedEmail);
        invitation.HasIndex(i => i.CreatedAt);
    }
}
