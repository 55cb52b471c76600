using PraTracker.Data.Campaigns;
using PraTracker.Data.Requests;

namespace PraTracker.Web.Features.Campaigns;

/// <summary>
/// A filing started from the coverage page's address (<c>?vendor=…</c> or <c>?technology=…</c>, and <c>unfiled=true</c>
/// for the agencies never asked): the agencies using it picked, the request's vendor or technology and its checklist set.
/// Values that do not parse are ignored, so a mangled link opens an empty form.
/// </summary>
public static class FilingQuery
{
    public static (FilingDraft Draft, AgencySelection Selection) From(string? vendor, string? technology, string? unfiled)
    {
        var draft = new FilingDraft();
        var selection = new AgencySelection { OnlyWithoutRequest = unfiled is "true" };
        if (Guid.TryParse(vendor, out var vendorId))
        {
            selection.ContractVendorId = vendorId;
            draft.VendorIds = [vendorId];
            draft.Checklist = [.. RecordChecklists.AllKinds];
        }
        else if (technology is { Length: > 0 and <= 100 } code && code.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            selection.ContractCategoryCode = code;
            draft.CategoryCode = code;
            draft.Checklist = [.. RecordChecklists.DefaultKindsFor(code)];
        }
        else
        {
            selection.OnlyWithoutRequest = false;
        }

        return (draft, selection);
    }
}
