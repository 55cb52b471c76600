using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;
using PraTracker.Web.Features.Documents;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints.Api;

/// <summary>
/// The read-only public API under /api/v1: agencies, vendors, contracts, public requests with their timelines, and
/// published documents with search, as paged JSON, described by an OpenAPI document at /api/v1/openapi.json. Every read
/// runs as an anonymous visitor, whoever asks and whatever cookie they send: answers of an API are cached and shared,
/// so it holds public data only, even for a signed-in attorney. Anyone may call it from any site (CORS, without
/// credentials), within a per-address rate limit.
/// </summary>
public static class PublicApiEndpoints
{
    public const string BasePath = "/api/v1";
    public const string DocumentName = "v1";
    public const string DocumentPath = BasePath + "/openapi.json";
    public const string CorsPolicy = "public-api";

    private const string PageDoc = "The page to return, counted from 1. Default 1.";
    private const string PageSizeDoc = "How many items a page holds, from 1 to 100. Default 25.";

    private static readonly Dictionary<string, string> AgencySorts = new()
    {
        ["name"] = nameof(AgencyRow.Name),
        ["state"] = nameof(AgencyRow.State),
        ["kind"] = nameof(AgencyRow.Kind),
        ["city"] = nameof(AgencyRow.City),
        ["requestCount"] = nameof(AgencyRow.RequestCount),
    };

    private static readonly Dictionary<string, string> VendorSorts = new()
    {
        ["name"] = nameof(VendorRow.Name),
        ["contractCount"] = nameof(VendorRow.ContractCount),
        ["requestCount"] = nameof(VendorRow.RequestCount),
    };

    private static readonly Dictionary<string, string> ContractSorts = new()
    {
        ["title"] = nameof(ContractRow.Title),
        ["agency"] = nameof(ContractRow.AgencyName),
        ["vendor"] = nameof(ContractRow.VendorName),
        ["status"] = nameof(ContractRow.Status),
        ["amount"] = nameof(ContractRow.Amount),
        ["startsOn"] = nameof(ContractRow.StartsOn),
        ["endsOn"] = nameof(ContractRow.EndsOn),
    };

    private static readonly Dictionary<string, string> RequestSorts = new()
    {
        ["reference"] = nameof(RequestRow.Reference),
        ["title"] = nameof(RequestRow.Title),
        ["agency"] = nameof(RequestRow.AgencyName),
        ["status"] = nameof(RequestRow.Status),
        ["sentOn"] = nameof(RequestRow.SentOn),
        ["nextDueOn"] = nameof(RequestRow.NextDueOn),
    };

    private static readonly Dictionary<string, string> DocumentSorts = new()
    {
        ["relevance"] = nameof(DocumentSort.Relevance),
        ["newest"] = nameof(DocumentSort.Newest),
    };

    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        // Enum values read as words, kebab-case like the deadline calculator's kinds ("awaiting-clarification").
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods(HttpMethods.Get).AllowAnyHeader()));
        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.ShouldInclude = description => ("/" + description.RelativePath).StartsWith(BasePath + "/", StringComparison.Ordinal);
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "PraTracker public API",
                    Version = DocumentName,
                    Description = "Read-only public data of PraTracker: agencies, vendors, contracts, public records requests with their timelines "
                        + "and deadlines, and published documents with full-text search. Only public data is ever answered, whoever asks: a "
                        + "signed-in attorney gets the same answers as anyone, since answers of an API are cached and shared. Lists are paged "
                        + "(page from 1, pageSize up to 100) and answer { items, page, pageSize, totalCount, totalPages }. Bad parameters "
                        + "answer 400 and an unknown or private id 404, both as problem details. Each client address may make "
                        + "a limited number of calls a minute; over it the answer is 429 with Retry-After.",
                };
                return Task.CompletedTask;
            });

            // Parameters arrive as text so that a bad value gets a clear 400, but they are numbers, ids and dates.
            openApi.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    parameter.Schema = parameter.Name switch
                    {
                        "page" or "pageSize" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                        "agency" or "vendor" or "request" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                        "from" or "to" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                        _ => parameter.Schema,
                    };
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// An answer under /api/v1 without a body of its own (an address that names no operation, a method other than GET) is
    /// a problem-details JSON body, not the app's HTML not-found page: whoever reads the API reads JSON.
    /// </summary>
    public static IApplicationBuilder UsePublicApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BasePath), api => api.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            await response.WriteAsJsonAsync(
                new ProblemDetails { Status = response.StatusCode, Title = ReasonPhrases.GetReasonPhrase(response.StatusCode) },
                options: null,
                contentType: "application/problem+json");
        }));

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(BasePath)
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.ApiPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapOpenApi("/openapi.json");

        api.MapGet("/agencies", ListAgenciesAsync).WithTags("Agencies").WithName("ListAgencies").WithSummary("List agencies")
            .WithDescription("Police departments, cities and other agencies that receive records requests, with how many public requests each has received.");
        api.MapGet("/agencies/{id:guid}", GetAgencyAsync).WithTags("Agencies").WithName("GetAgency").WithSummary("Get an agency")
            .WithDescription("An agency: how to reach its records office, the law it answers under, its contracts, its public requests, and how it has answered them.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/vendors", ListVendorsAsync).WithTags("Vendors").WithName("ListVendors").WithSummary("List vendors")
            .WithDescription("Companies selling surveillance technology to agencies, with their products and how many contracts and public requests name them.");
        api.MapGet("/vendors/{id:guid}", GetVendorAsync).WithTags("Vendors").WithName("GetVendor").WithSummary("Get a vendor")
            .WithDescription("A vendor with its products and their technology, every agency contracting with it, and the public requests about it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/contracts", ListContractsAsync).WithTags("Contracts").WithName("ListContracts").WithSummary("List contracts")
            .WithDescription("Contracts between agencies and vendors, filtered by text, agency, vendor, technology category or state.");
        api.MapGet("/contracts/{id:guid}", GetContractAsync).WithTags("Contracts").WithName("GetContract").WithSummary("Get a contract")
            .WithDescription("A contract's terms, and the public requests and published documents about it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/requests", ListRequestsAsync).WithTags("Requests").WithName("ListRequests").WithSummary("List public requests")
            .WithDescription("Public records requests, filtered by text in the title or reference, status, agency, state, vendor or technology category.");
        api.MapGet("/requests/{id:guid}", GetRequestAsync).WithTags("Requests").WithName("GetRequest").WithSummary("Get a public request")
            .WithDescription("A public request as its public page shows it: the law, its timeline of agency responses (with exemptions cited and "
                + "dates promised), its deadlines with how each was counted, and its published documents.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/documents", SearchDocumentsAsync).WithTags("Documents").WithName("SearchDocuments").WithSummary("Search published documents")
            .WithDescription("Published documents, newest first, or, with q, a full-text search of their titles, descriptions and text, "
                + "best match first, each hit with the passage that matched.");
        api.MapGet("/documents/{id:guid}", GetDocumentAsync).WithTags("Documents").WithName("GetDocument").WithSummary("Get a published document")
            .WithDescription("A published document's details, with the address of its file and of its extracted text.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/documents/{id:guid}/text", GetDocumentTextAsync).WithTags("Documents").WithName("GetDocumentText").WithSummary("Get a published document's text")
            .WithDescription("The text read from a published document, as plain text; PDF pages are separated by form feeds. 404 until the text has been read.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDeadlineCalculator().WithTags("Deadlines");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiPage<ApiAgencySummary>>, ValidationProblem>> ListAgenciesAsync(
        [Description("Text found in the agency's name or city.")] string? q,
        [Description("The agency's state, as a two-letter code such as CA.")] string? state,
        [Description(PageDoc)] string? page,
        [Description(PageSizeDoc)] string? pageSize,
        [Description("Sort by name (the default), state, kind, city or requestCount; a leading - sorts descending, as in -requestCount.")] string? sort,
        PublicLibrary library, CancellationToken ct)
    {
        var input = new ApiInput();
        var filter = new AgencyFilter(input.Text("q", q, 200), input.State(state));
        var paging = input.Paging(page, pageSize);
        var (sortBy, descending) = input.Sort(sort, AgencySorts);
        if (input.Problem is { } problem)
        {
            return problem;
        }

        var rows = await library.ReadAsync(db => AgencyQueries.ListAsync(db, filter, paging.ToPageRequest(sortBy, descending), ct), ct);
        return TypedResults.Ok(ApiPage<ApiAgencySummary>.From(rows, paging, ApiAgencySummary.From));
    }

    private static async Task<Results<Ok<ApiAgency>, ProblemHttpResult>> GetAgencyAsync(
        [Description("The agency's id.")] Guid id, PublicLibrary library, CancellationToken ct) =>
        await library.ReadAsync(db => AgencyPages.GetAsync(db, id, ct), ct) is { } agency
            ? TypedResults.Ok(ApiAgency.From(agency))
            : NotFound("agency");

    private static async Task<Results<Ok<ApiPage<ApiVendorSummary>>, ValidationProblem>> ListVendorsAsync(
        [Description("Text found in the vendor's name or one of its products.")] string? q,
        [Description(PageDoc)] string? page,
        [Description(PageSizeDoc)] string? pageSize,
        [Description("Sort by name (the default), contractCount or requestCount; a leading - sorts descending.")] string? sort,
        PublicLibrary library, CancellationToken ct)
    {
        var input = new ApiInput();
        var text = input.Text("q", q, 200);
        var paging = input.Paging(page, pageSize);
        var (sortBy, descending) = input.Sort(sort, VendorSorts);
        if (input.Problem is { } problem)
        {
            return problem;
        }

        var rows = await library.ReadAsync(db => ContractQueries.ListVendorsAsync(db, text, paging.ToPageRequest(sortBy, descending), ct), ct);
        return TypedResults.Ok(ApiPage<ApiVendorSummary>.From(rows, paging, ApiVendorSummary.From));
    }

    private static async Task<Results<Ok<ApiVendor>, ProblemHttpResult>> GetVendorAsync(
        [Description("The vendor's id.")] Guid id, PublicLibrary library, CancellationToken ct) =>
        await library.ReadAsync(db => ContractPages.GetVendorAsync(db, id, ct), ct) is { } vendor
            ? TypedResults.Ok(ApiVendor.From(vendor))
            : NotFound("vendor");

    private static async Task<Results<Ok<ApiPage<ApiContractSummary>>, ValidationProblem>> ListContractsAsync(
        [Description("Text found in the contract's title, its vendor's name or its agency's name.")] string? q,
        [Description("Only contracts of this agency (its id).")] string? agency,
        [Description("Only contracts with this vendor (its id).")] string? vendor,
        [Description("Only contracts for a product of this technology category, by its code, such as people-search.")] string? category,
        [Description("Only contracts of agencies in this state, as a two-letter code such as CA.")] string? state,
        [Description(PageDoc)] string? page,
        [Description(PageSizeDoc)] string? pageSize,
        [Description("Sort by title (the default), agency, vendor, status, amount, startsOn or endsOn; a leading - sorts descending.")] string? sort,
        PublicLibrary library, CancellationToken ct)
    {
        var input = new ApiInput();
        var filter = new ContractFilter(
            input.Text("q", q, 200), input.Id("agency", agency), input.Id("vendor", vendor), input.Text("category", category, 100), input.State(state));
        var paging = input.Paging(page, pageSize);
        var (sortBy, descending) = input.Sort(sort, ContractSorts);
        if (input.Problem is { } problem)
        {
            return problem;
        }

        var rows = await library.ReadAsync(db => ContractQueries.ListAsync(db, filter, paging.ToPageRequest(sortBy, descending), ct), ct);
        return TypedResults.Ok(ApiPage<ApiContractSummary>.From(rows, paging, ApiContractSummary.From));
    }

    private static async Task<Results<Ok<ApiContract>, ProblemHttpResult>> GetContractAsync(
        [Description("The contract's id.")] Guid id, PublicLibrary library, CancellationToken ct) =>
        await library.ReadAsync(db => ContractPages.GetContractAsync(db, id, ct), ct) is { } contract
            ? TypedResults.Ok(ApiContract.From(contract))
            : NotFound("contract");

    private static async Task<Results<Ok<ApiPage<ApiRequestSummary>>, ValidationProblem>> ListRequestsAsync(
        [Description("Text found in the request's title or reference.")] string? q,
        [Description("Only requests with this status: draft, sent, acknowledged, processing, awaiting-clarification, awaiting-fee, in-appeal, in-litigation or closed.")] string? status,
        [Description("Only requests to this agency (its id).")] string? agency,
        [Description("Only requests to agencies in this state, as a two-letter code such as CA.")] string? state,
        [Description("Only requests about this vendor (its id), named on the request or through a contract.")] string? vendor,
        [Description("Only requests about this technology category, by its code, such as people-search.")] string? category,
        [Description(PageDoc)] string? page,
        [Description(PageSizeDoc)] string? pageSize,
        [Description("Sort by reference (the default), title, agency, status, sentOn or nextDueOn; a leading - sorts descending.")] string? sort,
        PublicLibrary library, CancellationToken ct)
    {
        var input = new ApiInput();
        var filter = new RequestFilter(
            Text: input.Text("q", q, 200), Status: input.Enum<RequestStatus>("status", status), AgencyId: input.Id("agency", agency),
            State: input.State(state), VendorId: input.Id("vendor", vendor), CategoryCode: input.Text("category", category, 100));
        var paging = input.Paging(page, pageSize);
        var (sortBy, descending) = input.Sort(sort, RequestSorts);
        if (input.Problem is { } problem)
        {
            return problem;
        }

        var rows = await library.ReadAsync(db => RequestQueries.ListAsync(db, filter, paging.ToPageRequest(sortBy, descending), ct), ct);
        return TypedResults.Ok(ApiPage<ApiRequestSummary>.From(rows, paging, ApiRequestSummary.From));
    }

    private static async Task<Results<Ok<ApiRequest>, ProblemHttpResult>> GetRequestAsync(
        [Description("The request's id.")] Guid id, HttpContext http, PublicLibrary library, CancellationToken ct)
    {
        var found = await library.ReadAsync(async db => await RequestQueries.GetAsync(db, id, ct) is { } request
            ? (request, await LibraryQueries.ForRequestAsync(db, id, ct))
            : default((RequestDetail Request, List<DocumentLink> Documents)?), ct);
        if (found is not { } shown)
        {
            return NotFound("request");
        }

        var baseUrl = BaseUrl(http);
        return TypedResults.Ok(ApiRequest.From(shown.Request, shown.Documents, documentId => $"{baseUrl}{BasePath}/documents/{documentId}"));
    }

    private static async Task<Results<Ok<ApiPage<ApiDocumentSummary>>, ValidationProblem>> SearchDocumentsAsync(
        [Description("What to search for, as in the app's search box: words, \"quoted phrases\", OR between alternatives, and -word to leave a word out. Without it, the newest documents are listed.")] string? q,
        [Description("Only documents released by this agency (its id).")] string? agency,
        [Description("Only documents of requests about this vendor (its id).")] string? vendor,
        [Description("Only documents of requests about this technology category, by its code, such as people-search.")] string? category,
        [Description("Only documents released on this public request (its id).")] string? request,
        [Description("Only documents released on or after this date, yyyy-MM-dd.")] string? from,
        [Description("Only documents released on or before this date, yyyy-MM-dd.")] string? to,
        [Description(PageDoc)] string? page,
        [Description(PageSizeDoc)] string? pageSize,
        [Description("With q, relevance (the default, best match first) or newest (most recently published first). Without q, always newest.")] string? sort,
        PublicLibrary library, CancellationToken ct)
    {
        var input = new ApiInput();
        var text = input.Text("q", q, SearchQuery.MaxLength);
        var filters = new DocumentSearchFilters(
            input.Id("agency", agency), input.Id("vendor", vendor), input.Text("category", category, 100), input.Id("request", request),
            input.Date("from", from), input.Date("to", to));
        var paging = input.Paging(page, pageSize);
        var (sortBy, _) = input.Sort(sort, DocumentSorts);
        if (input.Problem is { } problem)
        {
            return problem;
        }

        var order = sortBy == nameof(DocumentSort.Newest) ? DocumentSort.Newest : DocumentSort.Relevance;
        var hits = await library.ReadAsync(db => DocumentSearch.SearchAsync(db, text, filters, paging.ToPageRequest(), order, ct), ct);
        return TypedResults.Ok(ApiPage<ApiDocumentSummary>.From(hits, paging, ApiDocumentSummary.From));
    }

    private static async Task<Results<Ok<ApiDocument>, ProblemHttpResult>> GetDocumentAsync(
        [Description("The document's id.")] Guid id, HttpContext http, PublicLibrary library, CancellationToken ct) =>
        await library.ReadAsync(db => LibraryQueries.GetAsync(db, id, ct), ct) is { } document
            ? TypedResults.Ok(ApiDocument.From(document, BaseUrl(http)))
            : NotFound("document");

    private static async Task<IResult> GetDocumentTextAsync(
        [Description("The document's id.")] Guid id, PublicLibrary library, CancellationToken ct) =>
        await library.ReadAsync(db => LibraryQueries.GetAsync(db, id, ct), ct) is { ExtractedText: { } text }
            ? TypedResults.Text(text, "text/plain; charset=utf-8")
            : NotFound("document with text");

    // One answer for "private" and "not there", so an id reveals nothing about what it may name.
    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no public {what} with this id.", statusCode: StatusCodes.Status404NotFound);

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
