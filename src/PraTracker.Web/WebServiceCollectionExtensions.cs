using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Endpoints;
using PraTracker.Web.Features.Account;
using PraTracker.Web.Features.Admin;
using PraTracker.Web.Features.Agencies;
using PraTracker.Web.Features.Api;
using PraTracker.Web.Features.Contracts;
using PraTracker.Web.Features.Dashboard;
using PraTracker.Web.Features.Deadlines;
using PraTracker.Web.Features.Documents;
using PraTracker.Web.Features.Imports;
using PraTracker.Web.Features.Requests;
using PraTracker.Web.Security;
using StackExchange.Redis;

namespace PraTracker.Web;

/// <summary>Registers the web app's own services: Blazor, MudBlazor, sign-in, authorization and the feature services.</summary>
public static class WebServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";

    /// <summary>ConnectionStrings:Redis, the optional SignalR backplane.</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>Names this app's channels on a Redis server that other apps may share.</summary>
    public const string RedisChannelPrefix = "PraTracker:";

    public static IServiceCollection AddPraTrackerWeb(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        // Tests in a browser move the whole app to another day; never honoured outside Development.
        if (environment.IsDevelopment() && configuration.GetValue<DateTimeOffset?>("Clock:Start") is { } start)
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new StartedClock(start)));
        }

        // Cookies travel over HTTPS only, except on a developer's machine or a trial told so (Security:HttpsOnly=false),
        // where they follow the request.
        var secureCookies = HttpsOnly.IsRequired(environment, configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureAll<CookieAuthenticationOptions>(cookie => cookie.Cookie.SecurePolicy = secureCookies);
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = secureCookies);

        // A disabled account, a new role or a reset two-factor changes the security stamp; open sessions end within a minute.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "PraTracker.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            JobDashboardEndpoints.AnswerWithStatusCodes(cookie.Events);
        });
        new IdentityBuilder(typeof(PraTrackerUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PraTrackerClaimsPrincipalFactory>();
        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<TwoFactorRule>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorRequirementHandler>();

        services.AddPraTrackerHealthChecks();
        AddScaleOut(services, configuration);

        services.AddScoped<ViewerContextFactory>();
        services.AddScoped<RequestService>();
        services.AddScoped<PraTracker.Web.Features.Campaigns.CampaignService>();
        services.AddScoped<AgencyService>();
        services.AddScoped<AgencyResponsesService>();
        services.AddSingleton<AgencyScorecardCache>();
        services.AddScoped<ContractService>();
        services.AddScoped<PraTracker.Web.Features.Coverage.CoverageService>();
        services.AddScoped<DocumentService>();
        services.AddSingleton<PublicLibrary>();
        services.AddSingleton<LibraryOverviewCache>();
        services.AddScoped<DashboardService>();
        services.AddScoped<AdminService>();
        services.AddScoped<DeadlineRulesService>();
        services.AddScoped<DeadlineCalculatorService>();
        services.AddScoped<AlertSettingsService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<AccountSecurityService>();
        services.AddScoped<ImportService>();
        services.AddScoped<PraTracker.Web.Features.Correspondence.CorrespondenceService>();
        services.AddSingleton<ApiReference>();
        services.AddScoped<PraTracker.Web.Features.Exemptions.ExemptionService>();
        return services;
    }

    /// <summary>
    /// SignalR's messages through Redis when it is configured, for several instances behind one load balancer (their
    /// data-protection keys are shared through the database, see AddPraTrackerData). Blazor circuits live in one
    /// instance's memory, so the load balancer must still keep each browser on one instance.
    /// </summary>
    private static void AddScaleOut(IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration.GetConnectionString(RedisConnectionStringName) is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal(RedisChannelPrefix));
        }
    }
}
