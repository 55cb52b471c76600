namespace PraTracker.Tests;

/// <summary>The repository the tests run from, for tests of its files (the compose file, the docs) and of the built app.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PraTracker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PraTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
