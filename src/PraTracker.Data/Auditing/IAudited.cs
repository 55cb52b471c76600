namespace PraTracker.Data.Auditing;

/// <summary>Marks an entity whose every change is written to the audit trail.</summary>
public interface IAudited
{
    Guid Id { get; }
}
