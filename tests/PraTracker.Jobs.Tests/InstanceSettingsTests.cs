using Microsoft.Extensions.Configuration;
using PraTracker.Jobs;

namespace PraTracker.Tests;

/// <summary>Instance:Role and Jobs:WorkerCount, as an operator writes them.</summary>
public sealed class InstanceSettingsTests
{
    [Theory]
    [InlineData(null, InstanceRole.All, true, true)]
    [InlineData("web", InstanceRole.Web, true, false)]
    [InlineData("Jobs", InstanceRole.Jobs, false, true)]
    [InlineData("ALL", InstanceRole.All, true, true)]
    public void The_role_decides_whether_the_instance_serves_pages_and_runs_jobs(string? written, InstanceRole role, bool servesWeb, bool runsJobs)
    {
        var settings = InstanceSettings.FromConfiguration(Configuration(new() { [InstanceSettings.RoleKey] = written, [InstanceSettings.WorkerCountKey] = "3" }));
        Assert.Equal(role, settings.Role);
        Assert.Equal(servesWeb, settings.ServesWeb);
        Assert.Equal(runsJobs, settings.RunsJobs);
        Assert.Equal(3, settings.WorkerCount);
    }

    [Theory]
    [InlineData("worker", null, "Instance:Role is \"worker\"; it must be All, Web or Jobs.")]
    [InlineData("7", null, "Instance:Role is \"7\"; it must be All, Web or Jobs.")]
    [InlineData(null, "0", "Jobs:WorkerCount is 0; it must be at least 1.")]
    public void A_setting_that_makes_no_sense_stops_start_up_with_the_reason(string? role, string? workers, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            InstanceSettings.FromConfiguration(Configuration(new() { [InstanceSettings.RoleKey] = role, [InstanceSettings.WorkerCountKey] = workers })));
        Assert.Equal(message, error.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
