using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Jobs;
using PraTracker.Web;
using PraTracker.Web.Components;
using PraTracker.Web.Endpoints;
using PraTracker.Web.Endpoints.Api;
using PraTracker.Web.Observability;
using PraTracker.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPraTrackerData(builder.Configuration);
builder.Services.AddPraTrackerJobs(builder.Configuration);
builder.Services.AddPraTrackerObservability(builder.Configuration);
builder.Services.AddPraTrackerWeb(builder.Environment, builder.Configuration);
builder.Services.AddPraTrackerRateLimits(builder.Configuration);
builder.Services.AddPraTrackerReverseProxy(builder.Configuration);
builder.Services.AddPublicApi();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.Services.RegisterPraTrackerRecurringJobs();

// First, so every later step (HTTPS redirection, rate limits, logs) sees the visitor's address and scheme.
app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error",
        CreateScopeForErrors = true,

        // A request the app refuses (a form without its antiforgery token, a body too large) is the caller's error, not ours.
        StatusCodeSelector = exception => exception is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError,
    });
    app.UseHsts();
    app.UseHttpsRedirection();
}

if (HttpsOnly.IsRequired(app.Environment, app.Configuration))
{
    app.UseHttpsOnlyRefusal();
}

app.UseSecurityHeaders();
app.UseNulCharacterRefusal();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UsePublicApiProblems();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseUserLogScope();
app.UseAuthorization();
app.UseFormPostCheck();
app.UseAntiforgery();

app.MapHealthEndpoints();

// A jobs-only instance answers its health probes and nothing else.
if (app.Services.GetRequiredService<InstanceSettings>().ServesWeb)
{
    app.MapStaticAssets().AllowAnonymous();
    app.MapPraTrackerComponents();
    app.MapAccountEndpoints();
    app.MapJobDashboard();
    app.MapCalendarFeeds();
    app.MapDocumentFiles();
    app.MapMailFiles();
    app.MapDocumentFeeds();
    app.MapCsvExports();
    app.MapWithholdingLogs();
    app.MapPublicApi();
}
else
{
    app.MapNotFoundFallback();
}

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
