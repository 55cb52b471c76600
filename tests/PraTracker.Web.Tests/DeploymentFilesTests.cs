using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PraTracker.Tests;

/// <summary>
/// The files an operator deploys with: the compose file validated by Debian's docker-compose (no engine needed), the
/// proxy's Caddyfile validated by Debian's caddy, the Dockerfile and .env.example checked against the code.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    [Fact]
    public async Task The_compose_file_validates_with_the_example_settings_and_a_password()
    {
        var env = Path.Combine(Directory.CreateTempSubdirectory("pratracker-compose-").FullName, ".env");
        await File.WriteAllTextAsync(env, await File.ReadAllTextAsync(PathInRepository(".env.example")) + "\nPOSTGRES_PASSWORD=an-example-password\n");

        var (code, output) = await RunAsync("docker-compose", "-f", PathInRepository("docker-compose.yml"), "--env-file", env, "config");
        Assert.True(code == 0, output);
        Assert.Contains("Password=an-example-password", output, StringComparison.Ordinal);
        Assert.Contains("read_only: true", output, StringComparison.Ordinal);
        Assert.Contains("Proxy__KnownNetworks", output, StringComparison.Ordinal);
        foreach (var service in new[] { "postgres:", "app:", "proxy:", "mailpit:", "minio:", "redis:" })
        {
            Assert.Contains("  " + service, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_database_password_the_compose_file_refuses_with_the_reason()
    {
        var env = Path.Combine(Directory.CreateTempSubdirectory("pratracker-compose-").FullName, ".env");
        await File.WriteAllTextAsync(env, await File.ReadAllTextAsync(PathInRepository(".env.example")));

        var (code, output) = await RunAsync("docker-compose", "-f", PathInRepository("docker-compose.yml"), "--env-file", env, "config");
        Assert.NotEqual(0, code);
        Assert.Contains("set POSTGRES_PASSWORD in .env", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_the_compose_file_reads_is_explained_in_the_example_settings()
    {
        var compose = File.ReadAllText(PathInRepository("docker-compose.yml"));
        var example = File.ReadAllText(PathInRepository(".env.example"));

        // ${NAME:-default} and ${NAME:?message}; $${NAME} is the container's own variable, not ours.
        var read = ComposeVariable().Matches(compose).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Matches(new Regex($"^#?{name}=", RegexOptions.Multiline), example));
    }

    [Theory]
    [InlineData(":80")]
    [InlineData("pratracker.example.org")]
    public async Task The_proxy_configuration_is_valid_for_a_trial_and_for_a_domain_with_https(string siteAddress)
    {
        var (code, output) = await RunAsync("caddy", ["validate", "--config", PathInRepository("deploy", "Caddyfile"), "--adapter", "caddyfile"], ("SITE_ADDRESS", siteAddress));
        Assert.True(code == 0, output);
        Assert.Contains("Valid configuration", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_restores_every_project_runs_unprivileged_checks_its_readiness_and_has_ocr()
    {
        var dockerfile = File.ReadAllText(PathInRepository("Dockerfile"));
        var projects = Directory.GetFiles(PathInRepository("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(LocalMachine.RepositoryRoot(), p).Replace('\\', '/'));
        Assert.All(projects, project => Assert.Contains($"COPY {project} ", dockerfile, StringComparison.Ordinal));
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("/readyz", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ocrmypdf tesseract-ocr tesseract-ocr-eng", dockerfile, StringComparison.Ordinal); // scans are read in the image
    }

    [Fact]
    public void The_operations_guide_explains_every_setting_the_app_reads_and_no_other()
    {
        // Every configuration key the source names: "Section:Key" literals, plus the constants for single-word keys
        // and connection-string names.
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(PathInRepository("src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations")))
        {
            var source = File.ReadAllText(file);
            read.UnionWith(SectionKeyLiteral().Matches(source).Select(m => m.Groups[1].Value).Where(k => !ModelAnnotationSections.Contains(k.Split(':')[0])));
            read.UnionWith(ConnectionStringName().Matches(source).Select(m => $"ConnectionStrings:{m.Groups[1].Value}"));
            read.UnionWith(SingleWordKey().Matches(source).Select(m => m.Groups[1].Value));
        }

        Assert.Contains("Storage:S3:Bucket", read);
        Assert.Contains("ConnectionStrings:Redis", read);
        Assert.Contains("DataDirectory", read);

        var guide = File.ReadAllText(PathInRepository("docs", "operations.md"));
        var reference = guide[guide.IndexOf("## Configuration reference", StringComparison.Ordinal)..];
        var documented = ReferenceRow().Matches(reference).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(read.Except(documented).Order());
        // Logging:LogLevel:* is read by the host itself, not by the app's code.
        Assert.Empty(documented.Except(read).Where(k => !k.StartsWith("Logging:LogLevel:", StringComparison.Ordinal)).Order());
        Assert.All(documented, key => Assert.Contains($"| `{key}` | `{key.Replace(":", "__", StringComparison.Ordinal)}`", reference, StringComparison.Ordinal));
    }

    /// <summary>EF Core's model annotations look like settings ("Npgsql:IndexMethod") but are not.</summary>
    private static readonly HashSet<string> ModelAnnotationSections = ["Npgsql", "Relational", "Sqlite", "SqlServer"];

    [GeneratedRegex(@"""([A-Z][A-Za-z0-9]*(?::[A-Z][A-Za-z0-9]*)+)""")]
    private static partial Regex SectionKeyLiteral();

    [GeneratedRegex(@"ConnectionStringName\s*=\s*""([A-Za-z]+)""")]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex(@"DataDirectoryKey\s*=\s*""([A-Za-z]+)""")]
    private static partial Regex SingleWordKey();

    [GeneratedRegex(@"^\| `([A-Za-z0-9:]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ReferenceRow();

    private static string PathInRepository(params string[] parts) => Path.Combine([LocalMachine.RepositoryRoot(), .. parts]);

    private static Task<(int Code, string Output)> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, []);

    private static async Task<(int Code, string Output)> RunAsync(string program, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}; scripts/test.sh installs it.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"(?<!\$)\$\{([A-Z0-9_]+)[:}]")]
    private static partial Regex ComposeVariable();
}
