using Bunit;
using PraTracker.Data.Documents;
using PraTracker.Web.Features.Library;

namespace PraTracker.Tests;

/// <summary>The library's small components: released text is always shown as text, whatever it holds.</summary>
public sealed class LibraryComponentsTests : ComponentTestContext
{
    [Fact]
    public void A_snippet_marks_its_hits_and_never_renders_released_text_as_markup()
    {
        var snippet = Render<SnippetText>(p => p.Add(s => s.Parts, DocumentSearch.Highlighted(
            $"<script>alert(1)</script> officers used {DocumentSearch.HitStart}Spokeo{DocumentSearch.HitEnd} <b>daily</b>")));

        Assert.Empty(snippet.FindAll("script"));
        Assert.Empty(snippet.FindAll("b"));
        Assert.Equal("Spokeo", snippet.Find("mark").TextContent);
        Assert.Equal("<script>alert(1)</script> officers used Spokeo <b>daily</b>", snippet.Find("[data-testid=snippet]").TextContent);
    }
}
