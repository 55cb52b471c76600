namespace PraTracker.Tests;

/// <summary>One running app and one browser for every end-to-end test.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<RunningApp>, ICollectionFixture<Browser>
{
    public const string Name = "running app";
}
