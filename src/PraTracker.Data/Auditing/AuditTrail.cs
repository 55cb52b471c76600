using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PraTracker.Data.Auditing;

/// <summary>Turns the pending changes of audited entities into audit entries, inside the same save.</summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static void Record(ChangeTracker changeTracker, string? userId, DateTimeOffset now)
    {
        var entries = changeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, userId, now))
            .Where(e => e is not null)
            .ToList();

        foreach (var entry in entries)
        {
            changeTracker.Context.Add(entry!);
        }
    }

    private static AuditEntry? Describe(EntityEntry<IAudited> entity, string? userId, DateTimeOffset now)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entity.Properties.Where(p => !p.Metadata.IsPrimaryKey()
            && p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: false) != true))
        {
            var name = property.Metadata.Name;
            switch (entity.State)
            {
                case EntityState.Added:
                    changes[name] = new { @new = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { old = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
            }
        }

        if (entity.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        return new AuditEntry
        {
            At = now,
            UserId = userId,
            EntityType = entity.Metadata.ClrType.Name,
            EntityId = entity.Entity.Id,
            Action = entity.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            Changes = JsonSerializer.Serialize(changes, Json),
        };
    }
}
