namespace PraTracker.Data.Auditing;

/// <summary>Marks an entity whose every change is written to the audit trail.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>
/// Leaves a property out of the audit trail's record of changes: for bulk machine output (such as a document's
/// extracted text) that would swell the trail without saying who decided what.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
