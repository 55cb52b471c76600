namespace PraTracker.Data.Auditing;

/// <summary>One change to an audited entity: who, when, and each changed field's old and new value.</summary>
public class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON object of changed fields: { "Status": { "old": "Sent", "new": "Acknowledged" } }.</summary>
    public required string Changes { get; set; }
}

/// <summary>What happened to an audited entity.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
