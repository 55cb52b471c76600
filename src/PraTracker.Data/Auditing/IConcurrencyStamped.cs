namespace PraTracker.Data.Auditing;

/// <summary>An entity whose stamp changes on every save, so that two editors cannot silently overwrite each other.</summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
