using System.Globalization;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Tests.Mentions;

/// <summary>Which amounts, contract numbers and dates are offered as facts near a vendor's name in a document's page.</summary>
public sealed class ContractFactsTests
{
    private const string Vendor = "Spokeo";

    /// <summary>The facts near the first "Spokeo" of a page, as the page's fourth.</summary>
    private static IReadOnlyList<ContractFact> Near(string page, int window = ContractFacts.Window) =>
        ContractFacts.Near(page, 4, page.IndexOf(Vendor, StringComparison.Ordinal), Vendor.Length, window);

    [Theory]
    [InlineData("$24,500", "24500")]
    [InlineData("$24,500.00", "24500.00")]
    [InlineData("$ 24,500.00", "24500.00")]
    [InlineData("$24500", "24500")]
    [InlineData("$1,234,567.89", "1234567.89")]
    [InlineData("$1.2 million", "1200000")]
    [InlineData("$1.2 Million", "1200000")]
    [InlineData("$3.5M", "3500000")]
    [InlineData("$2 billion", "2000000000")]
    [InlineData("$750k", "750000")]
    [InlineData("USD 5,000", "5000")]
    [InlineData("US$ 5,000", "5000")]
    [InlineData("5,000.00 USD", "5000.00")]
    [InlineData("24,500 dollars", "24500")]
    [InlineData("2 million dollars", "2000000")]
    public void Each_way_of_writing_an_amount_is_read_and_kept_as_written(string written, string amount)
    {
        var page = $"Spokeo shall be paid {written} for the first term.";

        var fact = Assert.Single(Near(page));

        Assert.Equal(
            new ContractFact(ContractFactKind.Amount, written, 4, 21, Amount: decimal.Parse(amount, CultureInfo.InvariantCulture)),
            fact);
    }

    [Theory]
    [InlineData("Spokeo returned 24,500 records in 2021.")]
    [InlineData("Spokeo version 3.5 was installed on 14 workstations.")]
    [InlineData("Spokeo: see section 4.2(b), 1,200 searches.")]
    public void A_number_without_a_currency_is_no_amount(string page)
    {
        Assert.DoesNotContain(Near(page), f => f.Kind == ContractFactKind.Amount);
    }

    [Theory]
    [InlineData("Contract No. 2021-114", "2021-114")]
    [InlineData("Contract No.2021-114", "2021-114")]
    [InlineData("Contract Number: C-2021-114", "C-2021-114")]
    [InlineData("CONTRACT NO. C-2021-114", "C-2021-114")]
    [InlineData("Agreement #SPK-4471", "SPK-4471")]
    [InlineData("Agreement No. 19-0077", "19-0077")]
    [InlineData("P.O. 4500012345", "4500012345")]
    [InlineData("PO #4500012345", "4500012345")]
    [InlineData("PO# 4500012345", "4500012345")]
    [InlineData("Purchase Order No. 88123", "88123")]
    [InlineData("Purchase Order 88123", "88123")]
    [InlineData("Contract #A12345", "A12345")]
    [InlineData("Contract No. 2021/114/B", "2021/114/B")]
    public void Each_way_of_writing_a_contract_number_is_read_as_the_identifier_alone(string written, string number)
    {
        var page = $"Spokeo ({written}) renewed";

        var fact = Assert.Single(Near(page));

        Assert.Equal(new ContractFact(ContractFactKind.Number, written, 4, 8, Number: number), fact);
    }

    [Theory]
    [InlineData("Spokeo. Contract No. pending approval.")]
    [InlineData("Spokeo, P.O. Box 1234, Pasadena, CA")]
    [InlineData("the contract 2 years ago with Spokeo")]
    [InlineData("Spokeo's agreement of last year")]
    [InlineData("Spokeo po 4500012345")]
    public void Words_like_contract_or_PO_without_an_identifier_holding_a_digit_give_no_number(string page)
    {
        Assert.DoesNotContain(Near(page), f => f.Kind == ContractFactKind.Number);
    }

    [Fact]
    public void A_sentence_ending_after_a_number_leaves_the_full_stop_out()
    {
        var fact = Assert.Single(Near("Spokeo signed Agreement No. 19-0077."));

        Assert.Equal("19-0077", fact.Number);
        Assert.Equal("Agreement No. 19-0077", fact.Text);
    }

    [Theory]
    [InlineData("March 3, 2021", 2021, 3, 3)]
    [InlineData("Mar. 3, 2021", 2021, 3, 3)]
    [InlineData("Sept. 30, 2022", 2022, 9, 30)]
    [InlineData("September 30, 2022", 2022, 9, 30)]
    [InlineData("3 March 2021", 2021, 3, 3)]
    [InlineData("03/03/2021", 2021, 3, 3)]
    [InlineData("12/03/2021", 2021, 12, 3)]
    [InlineData("3/3/21", 2021, 3, 3)]
    [InlineData("2021-03-03", 2021, 3, 3)]
    public void Each_way_of_writing_a_date_is_read_month_first(string written, int year, int month, int day)
    {
        var page = $"Spokeo, effective {written}, for one year";

        var fact = Assert.Single(Near(page));

        Assert.Equal(new ContractFact(ContractFactKind.Date, written, 4, 18, Date: new DateOnly(year, month, day)), fact);
    }

    [Theory]
    [InlineData("February 30, 2021")]
    [InlineData("02/30/2021")]
    [InlineData("2021-02-30")]
    [InlineData("13/13/2021")]
    [InlineData("February 29, 2021")]
    public void An_impossible_date_is_no_fact(string written)
    {
        Assert.Empty(Near($"Spokeo, effective {written}, for one year"));
    }

    [Fact]
    public void Amounts_dates_and_numbers_are_read_whatever_the_servers_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            var facts = Near("Spokeo: $24,500.50 under Contract No. 2021-114 of March 3, 2021.");

            Assert.Equal(
                [
                    new ContractFact(ContractFactKind.Amount, "$24,500.50", 4, 8, Amount: 24_500.50m),
                    new ContractFact(ContractFactKind.Number, "Contract No. 2021-114", 4, 25, Number: "2021-114"),
                    new ContractFact(ContractFactKind.Date, "March 3, 2021", 4, 50, Date: new DateOnly(2021, 3, 3)),
                ],
                facts);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void An_ocr_page_of_an_agreement_gives_its_amount_number_and_dates_in_order_of_nearness_per_kind()
    {
        var page =
            "CITY OF FRESNO\nPOLICE DEPARTMENT\n\nAGREEMENT NO. 19-0077\n\nThis agreement is entered into on Sept. 30, 2022 by and\n"
            + "between the City and SPOKEO, INC. (\"Vendor\").\n1. TERM. 10/01/2022 through 9/30/23.\n"
            + "2. COMPENSATION. Not to exceed $1.2 million; first year fee\n$ 24,500.00 payable on PO #4500012345.\n";
        var start = page.IndexOf("SPOKEO", StringComparison.Ordinal);

        var facts = ContractFacts.Near(page, 2, start, "SPOKEO, INC.".Length);

        Assert.Equal(
            [
                new ContractFact(ContractFactKind.Amount, "$1.2 million", 2, page.IndexOf("$1.2", StringComparison.Ordinal), Amount: 1_200_000m),
                new ContractFact(ContractFactKind.Amount, "$ 24,500.00", 2, page.IndexOf("$ 24", StringComparison.Ordinal), Amount: 24_500.00m),
                new ContractFact(ContractFactKind.Number, "AGREEMENT NO. 19-0077", 2, page.IndexOf("AGREEMENT", StringComparison.Ordinal), Number: "19-0077"),
                new ContractFact(ContractFactKind.Number, "PO #4500012345", 2, page.IndexOf("PO #", StringComparison.Ordinal), Number: "4500012345"),
                new ContractFact(ContractFactKind.Date, "10/01/2022", 2, page.IndexOf("10/01", StringComparison.Ordinal), Date: new DateOnly(2022, 10, 1)),
                new ContractFact(ContractFactKind.Date, "Sept. 30, 2022", 2, page.IndexOf("Sept.", StringComparison.Ordinal), Date: new DateOnly(2022, 9, 30)),
                new ContractFact(ContractFactKind.Date, "9/30/23", 2, page.IndexOf("9/30/23", StringComparison.Ordinal), Date: new DateOnly(2023, 9, 30)),
            ],
            facts);
        Assert.All(facts, f => Assert.Equal(f.Text, page.Substring(f.Start, f.Text.Length)));
    }

    [Fact]
    public void Within_a_kind_the_fact_nearest_the_name_comes_first()
    {
        var page = "$100 paid. " + new string(' ', 50) + "Then $200 to Spokeo, $300" + new string(' ', 10) + ", later $400.";

        var facts = Near(page);

        Assert.Equal([300m, 200m, 400m, 100m], facts.Select(f => f.Amount!.Value));
    }

    [Fact]
    public void Facts_as_near_as_each_other_come_in_text_order_and_a_value_written_twice_as_near_is_offered_where_it_first_stands()
    {
        var page = "$7 or $5 + Spokeo + $5 or $9";

        Assert.Equal(
            [
                new ContractFact(ContractFactKind.Amount, "$5", 4, 6, Amount: 5m),
                new ContractFact(ContractFactKind.Amount, "$7", 4, 0, Amount: 7m),
                new ContractFact(ContractFactKind.Amount, "$9", 4, 26, Amount: 9m),
            ],
            Near(page));
    }

    [Fact]
    public void A_value_written_twice_is_offered_once_where_it_stands_nearest()
    {
        var page = "Fee: $24,500 as quoted (see Agreement #SPK-4471). Spokeo, Agreement # spk-4471, fee $24,500.00.";

        var facts = Near(page);

        Assert.Equal(
            [
                new ContractFact(ContractFactKind.Amount, "$24,500.00", 4, page.IndexOf("$24,500.00", StringComparison.Ordinal), Amount: 24_500.00m),
                new ContractFact(ContractFactKind.Number, "Agreement # spk-4471", 4, page.IndexOf("Agreement # spk", StringComparison.Ordinal), Number: "spk-4471"),
            ],
            facts);
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    public void A_fact_before_the_name_counts_if_it_starts_within_the_window(int at, bool counts)
    {
        // The name stands at 400, so the window starts at 100.
        var page = new string('.', at) + "$1" + new string('.', 400 - at - 2) + "Spokeo";

        Assert.Equal(counts ? [new ContractFact(ContractFactKind.Amount, "$1", 4, at, Amount: 1m)] : [], Near(page));
    }

    [Theory]
    [InlineData(305, true)]
    [InlineData(306, false)]
    public void A_fact_after_the_name_counts_if_it_starts_within_the_window_though_it_ends_beyond(int at, bool counts)
    {
        // The name ends at 6, so the window ends before 306.
        var page = "Spokeo" + new string('.', at - 6) + "$3,000,000";

        Assert.Equal(counts ? [new ContractFact(ContractFactKind.Amount, "$3,000,000", 4, at, Amount: 3_000_000m)] : [], Near(page));
    }

    [Fact]
    public void A_fact_that_starts_just_before_the_window_is_not_read_from_its_tail()
    {
        // "12/03/2021" starts at 100, one character before the window; its tail "2/03/2021" is no date of February.
        var page = new string('.', 100) + "12/03/2021" + new string(' ', 9) + "Spokeo";

        Assert.Empty(Near(page, window: 18));
        Assert.Equal([new ContractFact(ContractFactKind.Date, "12/03/2021", 4, 100, Date: new DateOnly(2021, 12, 3))], Near(page, window: 19));
    }

    [Fact]
    public void The_window_is_clipped_to_the_page()
    {
        var page = "Spokeo $5";

        Assert.Equal([5m], Near(page, window: 10_000).Select(f => f.Amount!.Value));
        Assert.Empty(ContractFacts.Near("", 1, 0, 0));
    }

    [Fact]
    public void Facts_beyond_the_default_window_of_300_characters_are_left_out()
    {
        var page = "Spokeo" + new string(' ', 295) + "$1,000 and" + new string(' ', 300) + "$2,000";

        Assert.Equal([1_000m], Near(page).Select(f => f.Amount!.Value));
    }

    [Fact]
    public void A_span_outside_the_page_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractFacts.Near("Spokeo", 1, 3, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractFacts.Near("Spokeo", 1, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractFacts.Near("Spokeo", 1, 0, 6, window: -1));
    }
}
