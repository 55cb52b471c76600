using System.Text;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Tests.Mentions;

/// <summary>Which known names are found in documents' pages, where, and for which vendors, products, agencies and contracts.</summary>
public sealed class NameMatcherTests
{
    private static readonly MentionTarget Spokeo = Target(MentionKind.Vendor, 1);
    private static readonly MentionTarget ClearviewVendor = Target(MentionKind.Vendor, 2);
    private static readonly MentionTarget ClearviewProduct = Target(MentionKind.Product, 3);
    private static readonly MentionTarget Ice = Target(MentionKind.Agency, 4);
    private static readonly MentionTarget Lapd = Target(MentionKind.Agency, 5);
    private static readonly MentionTarget ShotSpotter = Target(MentionKind.Vendor, 6);
    private static readonly MentionTarget Flock = Target(MentionKind.Vendor, 7);
    private static readonly MentionTarget PoliceContract = Target(MentionKind.Contract, 8);

    private static MentionTarget Target(MentionKind kind, int number) => new(kind, new Guid(number, 0, 0, new byte[8]));

    private static NameMatcher Matcher(params (string Name, MentionTarget Target)[] names) =>
        new(names.Select(n => new KnownName(n.Name, n.Target)));

    private static IReadOnlyList<NameMatch> Find(NameMatcher matcher, params string[] pages) => matcher.FindAll(pages);

    /// <summary>The text each match points at, to check offsets against the page.</summary>
    private static string TextOf(NameMatch match, params string[] pages) => pages[match.Page - 1].Substring(match.Start, match.Length);

    [Theory]
    [InlineData("Spokeo", 0, "Spokeo")]
    [InlineData("SPOKEO", 0, "SPOKEO")]
    [InlineData("spokeo", 0, "spokeo")]
    [InlineData("Records of Spokeo's searches", 11, "Spokeo")]
    [InlineData("Vendors: Spokeo, Inc.", 9, "Spokeo")]
    [InlineData("(Spokeo)", 1, "Spokeo")]
    [InlineData("...spokeo.com...", 3, "spokeo")]
    public void A_name_is_found_as_a_whole_word_in_any_case(string text, int start, string found)
    {
        var match = Assert.Single(Find(Matcher(("Spokeo", Spokeo)), text));

        Assert.Equal(new NameMatch(Spokeo, "Spokeo", 1, start, found.Length), match);
        Assert.Equal(found, TextOf(match, text));
    }

    [Theory]
    [InlineData("Spokeos")]
    [InlineData("XSpokeo")]
    [InlineData("Spokeo2")]
    [InlineData("Spoke o")]
    [InlineData("")]
    public void A_name_inside_a_longer_word_or_broken_apart_is_not_found(string text)
    {
        Assert.Empty(Find(Matcher(("Spokeo", Spokeo)), text));
    }

    [Theory]
    [InlineData("Clearview AI")]
    [InlineData("Clearview\nAI")]
    [InlineData("Clearview \r\n  AI")]
    [InlineData("Clearview-AI")]
    [InlineData("Clearview - AI")]
    [InlineData("CLEARVIEW AI")]
    [InlineData("Clearview, AI")]
    public void A_name_of_several_words_is_found_across_spaces_line_breaks_and_punctuation(string written)
    {
        var page = $"The department's trial of {written} ended in 2020.";

        var match = Assert.Single(Find(Matcher(("Clearview AI", ClearviewVendor)), page));

        Assert.Equal(new NameMatch(ClearviewVendor, "Clearview AI", 1, 26, written.Length), match);
        Assert.Equal(written, TextOf(match, page));
    }

    [Theory]
    [InlineData("C-2021-114")]
    [InlineData("C 2021 114")]
    [InlineData("C/2021/114")]
    [InlineData("C - 2021 -\n114")]
    [InlineData("c-2021-114")]
    public void A_contract_number_is_found_as_its_letters_and_digits_in_order(string written)
    {
        var page = $"Contract No. {written}, executed";

        var match = Assert.Single(Find(Matcher(("C-2021-114", PoliceContract)), page));

        Assert.Equal(new NameMatch(PoliceContract, "C-2021-114", 1, 13, written.Length), match);
    }

    [Theory]
    [InlineData("Agreement 2021/114 was approved", 10, "2021/114")]
    [InlineData("Agreement 2021-114 was approved", 10, "2021-114")]
    [InlineData("Agreement 2021-1140 was approved", -1, "")]
    [InlineData("Agreement 12021-114 was approved", -1, "")]
    public void A_contract_number_of_digits_only_is_found_only_as_whole_numbers(string page, int start, string found)
    {
        var matches = Find(Matcher(("2021/114", PoliceContract)), page);

        Assert.Equal(start < 0 ? [] : [new NameMatch(PoliceContract, "2021/114", 1, start, found.Length)], matches);
    }

    [Theory]
    [InlineData("Genetec Sécurité", "GENETEC SECURITE")]
    [InlineData("Genetec Securite", "Genetec Sécurité")]
    [InlineData("Policía Municipal", "POLICIA municipal")]
    [InlineData("Policia Municipal", "POLICI\u0301A MUNICIPAL")]
    [InlineData("Fivecast", "\uFB01vecast")]
    public void Accents_case_and_ligatures_do_not_keep_a_name_from_being_found(string name, string written)
    {
        var page = $"[{written}]";

        var match = Assert.Single(Find(Matcher((name, Spokeo)), page));

        Assert.Equal(new NameMatch(Spokeo, name, 1, 1, written.Length), match);
    }

    [Theory]
    [InlineData("ICE", "Records shared with ICE.", 20)]
    [InlineData("ICE", "ICE's Enforcement and Removal Operations", 0)]
    [InlineData("ICE", "IMMIGRATION AND CUSTOMS ENFORCEMENT (ICE)", 37)]
    [InlineData("LAPD", "the LAPD\nmemo", 4)]
    [InlineData("U.S. ICE", "from U.S. ICE agents", 5)]
    public void A_short_all_capital_name_is_found_in_capitals(string name, string page, int start)
    {
        var match = Assert.Single(Find(Matcher((name, Ice)), page));

        Assert.Equal(new NameMatch(Ice, name, 1, start, name.Length), match);
    }

    [Theory]
    [InlineData("ICE", "Put ice on the camera housing.")]
    [InlineData("ICE", "Ice storms delayed the installation.")]
    [InlineData("ICE", "iCE")]
    [InlineData("LAPD", "lapd")]
    [InlineData("LAPD", "Lapd")]
    [InlineData("U.S. ICE", "U.S. Ice")]
    public void A_short_all_capital_name_is_not_found_in_small_letters(string name, string page)
    {
        Assert.Empty(Find(Matcher((name, Ice)), page));
    }

    [Fact]
    public void A_capital_name_of_more_than_five_letters_is_found_whatever_the_case()
    {
        var page = "Verint and VERINT and verint";

        var matches = Find(Matcher(("VERINT", Spokeo)), page);

        Assert.Equal([0, 11, 22], matches.Select(m => m.Start));
    }

    [Fact]
    public void A_short_capital_name_with_a_digit_is_no_word_and_is_found_whatever_the_case()
    {
        var matches = Find(Matcher(("G4S", Spokeo)), "G4S and g4s");

        Assert.Equal([0, 8], matches.Select(m => m.Start));
    }

    [Fact]
    public void A_name_written_in_mixed_case_is_found_in_small_letters_even_if_short()
    {
        var matches = Find(Matcher(("Axon", Spokeo)), "axon AXON Axon");

        Assert.Equal([0, 5, 10], matches.Select(m => m.Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("AI")]
    [InlineData("3M")]
    [InlineData("A.I.")]
    [InlineData("--")]
    public void Names_of_fewer_than_three_letters_or_digits_are_never_looked_for(string name)
    {
        var matcher = Matcher((name, Spokeo));

        Assert.Equal(0, matcher.NameCount);
        Assert.Empty(Find(matcher, "AI 3M A.I. -- ai 3m"));
    }

    [Fact]
    public void A_name_of_exactly_three_letters_is_looked_for()
    {
        var matcher = Matcher(("IBM", Spokeo), ("3SI", Flock));

        Assert.Equal(2, matcher.NameCount);
        Assert.Equal(
            [new NameMatch(Spokeo, "IBM", 1, 0, 3), new NameMatch(Flock, "3SI", 1, 8, 3)],
            Find(matcher, "IBM and 3si"));
    }

    [Fact]
    public void The_longest_known_name_at_a_place_wins()
    {
        var matcher = Matcher(("Clearview", ClearviewProduct), ("Clearview AI", ClearviewVendor));
        var page = "Clearview AI sells Clearview to agencies.";

        Assert.Equal(
            [new NameMatch(ClearviewVendor, "Clearview AI", 1, 0, 12), new NameMatch(ClearviewProduct, "Clearview", 1, 19, 9)],
            Find(matcher, page));
    }

    [Fact]
    public void A_shorter_name_is_found_where_a_longer_one_that_starts_alike_breaks_off()
    {
        var matcher = Matcher(("Clearview", ClearviewProduct), ("Clearview AI Inc", ClearviewVendor));

        Assert.Equal([new NameMatch(ClearviewProduct, "Clearview", 1, 0, 9)], Find(matcher, "Clearview AI said"));
    }

    [Fact]
    public void Matches_do_not_overlap_and_the_leftmost_name_takes_the_shared_words()
    {
        var matcher = Matcher(("Axon Enterprise", Spokeo), ("Enterprise Rent A Car", Flock), ("Rent A Car", ShotSpotter));
        var page = "Axon Enterprise Rent A Car";

        Assert.Equal(
            [new NameMatch(Spokeo, "Axon Enterprise", 1, 0, 15), new NameMatch(ShotSpotter, "Rent A Car", 1, 16, 10)],
            Find(matcher, page));
    }

    [Fact]
    public void A_longer_acronym_name_that_is_not_in_capitals_gives_way_to_a_shorter_name()
    {
        var matcher = Matcher(("Ada", Spokeo), ("ADA PD", Lapd));

        Assert.Equal([new NameMatch(Spokeo, "Ada", 1, 0, 3)], Find(matcher, "Ada pd"));
        Assert.Equal([new NameMatch(Spokeo, "Ada", 1, 0, 3)], Find(matcher, "ADA pd"));
        Assert.Equal([new NameMatch(Lapd, "ADA PD", 1, 0, 6)], Find(matcher, "ADA PD"));
    }

    [Fact]
    public void A_name_known_for_several_targets_yields_a_match_for_each_at_the_same_place()
    {
        var matcher = Matcher(("Clearview AI", ClearviewVendor), ("Clearview AI", ClearviewProduct));

        Assert.Equal(
            [new NameMatch(ClearviewVendor, "Clearview AI", 1, 4, 12), new NameMatch(ClearviewProduct, "Clearview AI", 1, 4, 12)],
            Find(matcher, "The Clearview AI app"));
    }

    [Fact]
    public void The_same_name_known_twice_for_one_target_is_looked_for_once()
    {
        var matcher = Matcher(("Clearview AI", ClearviewVendor), ("CLEARVIEW  AI", ClearviewVendor), ("Clearview-AI", ClearviewVendor));

        Assert.Equal(1, matcher.NameCount);
        Assert.Equal([new NameMatch(ClearviewVendor, "Clearview AI", 1, 0, 12)], Find(matcher, "Clearview AI"));
    }

    [Fact]
    public void An_acronym_and_a_word_spelled_alike_for_one_target_yield_one_match()
    {
        var matcher = Matcher(("ICE", Ice), ("Ice", Ice));

        Assert.Equal(2, matcher.NameCount);
        Assert.Equal([new NameMatch(Ice, "ICE", 1, 0, 3), new NameMatch(Ice, "Ice", 1, 8, 3)], Find(matcher, "ICE and ice"));
    }

    [Fact]
    public void An_agency_is_found_by_its_name_and_by_its_acronym()
    {
        var matcher = Matcher(("Immigration and Customs Enforcement", Ice), ("ICE", Ice), ("LAPD", Lapd));
        var page = "U.S. Immigration and\nCustoms Enforcement (ICE) asked the LAPD";

        var matches = Find(matcher, page);

        Assert.Equal(
            [
                new NameMatch(Ice, "Immigration and Customs Enforcement", 1, 5, 35),
                new NameMatch(Ice, "ICE", 1, 42, 3),
                new NameMatch(Lapd, "LAPD", 1, 57, 4),
            ],
            matches);
        Assert.Equal(["Immigration and\nCustoms Enforcement", "ICE", "LAPD"], matches.Select(m => TextOf(m, page)));
    }

    [Fact]
    public void A_scanned_production_naming_two_vendors_yields_those_two_vendors_on_their_pages()
    {
        var matcher = Matcher(
            ("ShotSpotter", ShotSpotter),
            ("ShotSpotter, Inc.", ShotSpotter),
            ("SoundThinking", ShotSpotter),
            ("Flock Safety", Flock),
            ("Flock Group Inc", Flock),
            ("Clearview AI", ClearviewVendor),
            ("Spokeo", Spokeo),
            ("ICE", Ice),
            ("LAPD", Lapd),
            ("C-2021-114", PoliceContract));
        string[] pages =
        [
            "CITY OF OAKLAND\nPOLICE DEPARTMENT\n\nMEMORANDUM\n\nTO: Chief of Police\nRE: Gunshot detection -- renewal of\nSHOTSPOTTER, INC. subscription (ice-free sensor housings)",
            "Page 2 of 3\n\n| Item | Qty |\n|------|-----|\n| sensors | 40 |\n\nNo vendor named on this page; the\nlapd comparison is attached.",
            "3.\tLicense plate readers: the department\nrecommends Flock\nSafety's Falcon cameras, cf. Flock Group\nInc. quote of 2/1/2022.\n\nApproved: ____________",
        ];

        var matches = Find(matcher, pages);

        Assert.Equal(
            [
                new NameMatch(ShotSpotter, "ShotSpotter, Inc.", 1, 103, 16),
                new NameMatch(Flock, "Flock Safety", 3, 52, 12),
                new NameMatch(Flock, "Flock Group Inc", 3, 87, 15),
            ],
            matches);
        Assert.Equal(["SHOTSPOTTER, INC", "Flock\nSafety", "Flock Group\nInc"], matches.Select(m => TextOf(m, pages)));
        Assert.Equal([(ShotSpotter, 1), (Flock, 3)], matches.Select(m => (m.Target, m.Page)).Distinct());
    }

    [Fact]
    public void Pages_are_numbered_from_one_and_a_name_is_not_found_across_a_page_break()
    {
        var matcher = Matcher(("Clearview AI", ClearviewVendor));

        var matches = Find(matcher, "", "ends with Clearview", "AI begins", "Clearview AI");

        Assert.Equal([new NameMatch(ClearviewVendor, "Clearview AI", 4, 0, 12)], matches);
    }

    [Fact]
    public void Twenty_thousand_agency_names_are_found_in_a_million_characters_exactly_where_they_stand()
    {
        var places = Enumerable.Range(0, 20_000).Select(Place).ToList();
        var agencies = places
            .Select((place, i) => new KnownName(
                i % 2 == 0 ? $"{place} Police Department" : $"{place} County Sheriff's Office",
                Target(MentionKind.Agency, 1_000 + i)))
            .ToList();
        var matcher = new NameMatcher(agencies);

        string[] filler =
        [
            "The police department released 14 pages of records responsive to the request. ",
            "Surveillance camera footage is retained for 30 days by the county sheriff.\n",
            "OFFICE OF THE CITY ATTORNEY -- PUBLIC RECORDS UNIT\r\n",
            "Police Department policy 4.12 governs automated license plate readers; ",
        ];
        var random = new Random(20_000);
        var text = new StringBuilder();
        var expected = new List<NameMatch>();
        while (text.Length < 1_000_000)
        {
            text.Append(filler[random.Next(filler.Length)]);
            var i = random.Next(agencies.Count);
            switch (random.Next(4))
            {
                case 0:
                    // Half of a name is no name: neither "Bakelimo Police" nor "Bakelimo County" is found.
                    text.Append(places[i]).Append(i % 2 == 0 ? " Police" : " County").Append(" and ");
                    break;
                default:
                    var written = random.Next(3) switch
                    {
                        0 => agencies[i].Name,
                        1 => agencies[i].Name.ToUpperInvariant(),
                        _ => agencies[i].Name.Replace(" ", "\n"),
                    };
                    expected.Add(new NameMatch(agencies[i].Target, agencies[i].Name, 1, text.Length, written.Length));
                    text.Append(written).Append(", ");
                    break;
            }
        }

        var page = text.ToString();

        var matches = matcher.FindAll([page]);

        Assert.Equal(20_000, matcher.NameCount);
        Assert.True(page.Length >= 1_000_000);
        Assert.True(expected.Count > 5_000);
        Assert.Equal(expected, matches);
    }

    /// <summary>A made-up place name for each number, such as "Bakelimo", unlike any English word.</summary>
    private static string Place(int number)
    {
        string[] syllables = ["ba", "ke", "li", "mo", "nu", "ra", "se", "ti", "vo", "zu", "da", "fe", "gi", "ho", "ju", "la", "me", "ni", "po", "ru"];
        var place = new StringBuilder();
        for (var i = 0; i < 4; i++, number /= syllables.Length)
        {
            place.Append(syllables[number % syllables.Length]);
        }

        place[0] = char.ToUpperInvariant(place[0]);
        return place.ToString();
    }
}
