using Microsoft.OpenApi;
using PraTracker.Web.Features.Api;

namespace PraTracker.Tests;

/// <summary>The reference page's reading of an OpenAPI document, on a small document built here.</summary>
public sealed class ApiReferenceTests
{
    [Fact]
    public void Each_operation_is_read_with_its_group_summary_description_and_typed_parameters_and_groups_stay_together()
    {
        var operations = ApiReference.Operations(Document());

        Assert.Equal(["/api/v1/things", "/api/v1/things/{id}", "/api/v1/other"], operations.Select(o => o.Path));
        Assert.Equal(["Things", "Things", "Other"], operations.Select(o => o.Group));
        var list = operations[0];
        Assert.Equal(("GET", "List things", "Things, paged."), (list.Method, list.Summary, list.Description));
        Assert.Equal(
            [new ApiParameterReference("q", "query", "string", false, "Text to find."), new ApiParameterReference("pageSize", "query", "integer (int32)", false, "How many.")],
            list.Parameters);
        Assert.Equal(new ApiParameterReference("id", "path", "string (uuid)", true, "The id."), Assert.Single(operations[1].Parameters));
        Assert.Empty(operations[2].Parameters);
    }

    [Fact]
    public void The_curl_line_calls_the_app_leaves_ids_to_fill_in_and_asks_a_list_for_a_short_page()
    {
        var operations = ApiReference.Operations(Document());

        Assert.Equal("curl \"https://pratracker.example/api/v1/things?pageSize=10\"", operations[0].CurlExample("https://pratracker.example/"));
        Assert.Equal("curl \"https://pratracker.example/api/v1/things/<id>\"", operations[1].CurlExample("https://pratracker.example/"));
        Assert.Equal("curl \"http://localhost:5000/api/v1/other\"", operations[2].CurlExample("http://localhost:5000"));
    }

    private static OpenApiDocument Document()
    {
        var document = new OpenApiDocument { Info = new OpenApiInfo { Title = "Test", Version = "v1" }, Paths = [] };
        OpenApiOperation Operation(string tag, string summary, string? description, params OpenApiParameter[] parameters) => new()
        {
            Tags = new HashSet<OpenApiTagReference> { new(tag, document) },
            Summary = summary,
            Description = description,
            Parameters = [.. parameters],
            Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
        };

        document.Tags = new HashSet<OpenApiTag> { new() { Name = "Things" }, new() { Name = "Other" } };
        document.Paths["/api/v1/things"] = new OpenApiPathItem
        {
            Operations = new()
            {
                [HttpMethod.Get] = Operation("Things", "List things", "Things, paged.",
                    new OpenApiParameter { Name = "q", In = ParameterLocation.Query, Description = "Text to find.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    new OpenApiParameter
                    {
                        Name = "pageSize",
                        In = ParameterLocation.Query,
                        Description = "How many.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                    }),
            },
        };
        document.Paths["/api/v1/other"] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = Operation("Other", "Other", null) } };
        document.Paths["/api/v1/things/{id}"] = new OpenApiPathItem
        {
            Operations = new()
            {
                [HttpMethod.Get] = Operation("Things", "Get a thing", "One thing.",
                    new OpenApiParameter
                    {
                        Name = "id",
                        In = ParameterLocation.Path,
                        Required = true,
                        Description = "The id.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    }),
            },
        };
        return document;
    }
}
