using Microsoft.Extensions.Configuration;

namespace PraTracker.Jobs;

/// <summary>What one process of a deployment does (Instance:Role); every instance shares one database.</summary>
public enum InstanceRole
{
    /// <summary>Serves the web app and runs background jobs: the default, and all a single server needs.</summary>
    All,

    /// <summary>Serves the web app only; another instance runs the jobs.</summary>
    Web,

    /// <summary>Runs background jobs only, and answers nothing but /healthz and /readyz.</summary>
    Jobs,
}

/// <summary>This instance's role and how many jobs it runs at once (Instance:Role, Jobs:WorkerCount).</summary>
public sealed record InstanceSettings(InstanceRole Role, int WorkerCount)
{
    public const string RoleKey = "Instance:Role";
    public const string WorkerCountKey = "Jobs:WorkerCount";

    public bool ServesWeb => Role != InstanceRole.Jobs;

    public bool RunsJobs => Role != InstanceRole.Web;

    public static InstanceSettings FromConfiguration(IConfiguration configuration)
    {
        var roleText = configuration[RoleKey];
        var role = InstanceRole.All;
        if (!string.IsNullOrWhiteSpace(roleText) && (!Enum.TryParse(roleText, ignoreCase: true, out role) || !Enum.IsDefined(role)))
        {
            throw new InvalidOperationException($"{RoleKey} is \"{roleText}\"; it must be All, Web or Jobs.");
        }

        var workers = configuration.GetValue(WorkerCountKey, Math.Max(2, Environment.ProcessorCount));
        if (workers < 1)
        {
            throw new InvalidOperationException($"{WorkerCountKey} is {workers}; it must be at least 1.");
        }

        return new InstanceSettings(role, workers);
    }
}
