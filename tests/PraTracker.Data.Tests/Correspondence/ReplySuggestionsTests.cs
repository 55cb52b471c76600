using PraTracker.Data.Correspondence;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Correspondence;

/// <summary>Agency replies written the way agencies write them, and what the suggestion makes of each.</summary>
public sealed class ReplySuggestionsTests
{
    private static readonly DateOnly March12 = new(2026, 3, 12);

    [Fact]
    public void An_extension_notice_citing_unusual_circumstances_is_an_extension_with_its_new_date_even_though_it_acknowledges_the_request()
    {
        const string body = """
            Dear Ms. Doe,

            The City of Pasadena received your request dated March 2, 2026 for records relating to Spokeo for Law Enforcement.

            Pursuant to Government Code section 7922.535(b), the City is extending the time to respond by 14 days due to unusual
            circumstances: the need to search for and collect records from field facilities separate from the office processing
            the request, and the need to consult with another agency having a substantial interest in the determination.

            The City anticipates sending its determination on or before Thursday, March 26, 2026.

            If you have any questions, please contact the City Clerk's Office at (626) 744-4124.

            Sincerely,
            Records Coordinator
            City of Pasadena
            """;

        var suggestion = ReplySuggestions.Suggest("RE: Public Records Request R000123-030226", body, March12);

        Assert.Equal(RequestEventKind.ExtensionNotice, suggestion.Kind);
        Assert.Contains("mentions \"unusual circumstances\"", suggestion.Reasons);
        Assert.Contains("mentions \"extending the time\"", suggestion.Reasons);
        Assert.Contains("also mentions \"received your request\", which alone would suggest an acknowledgement", suggestion.Reasons);
        Assert.Equal(new DateOnly(2026, 3, 26), suggestion.Date);
        Assert.Equal("Thursday, March 26, 2026", suggestion.DateAsWritten);
        Assert.Null(suggestion.Exemptions);
    }

    [Fact]
    public void An_acknowledgement_with_a_tracking_number_is_an_acknowledgement_though_it_mentions_fees_in_passing()
    {
        const string body = """
            Dear Ms. Doe:

            This acknowledges receipt of your Freedom of Information Act (FOIA) request to the Federal Bureau of Investigation (FBI).
            Your request has been assigned FOIPA Request Number 1634567-000. Please use this number in all correspondence
            concerning your request.

            For the purpose of assessing any fees, we have determined you are an educational or noncommercial scientific
            institution requester. We expect to respond by June 15, 2026.

            Sincerely,
            Record/Information Dissemination Section
            """;

        var suggestion = ReplySuggestions.Suggest("FOIPA Request No.: 1634567-000", body, March12);

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.Contains("mentions \"acknowledges receipt\"", suggestion.Reasons);
        Assert.Contains("mentions \"has been assigned\"", suggestion.Reasons);
        Assert.Contains("also mentions \"fees\", which alone would suggest a fee estimate", suggestion.Reasons);
        Assert.Equal(new DateOnly(2026, 6, 15), suggestion.Date);
        Assert.Equal("June 15, 2026", suggestion.DateAsWritten);
    }

    [Fact]
    public void A_fee_estimate_asking_for_a_deposit_is_a_fee_estimate_and_a_promised_first_installment_is_not_yet_a_production()
    {
        const string body = """
            Good afternoon Ms. Doe,

            The Oakland Police Department has located approximately 2,400 pages of records responsive to your request.
            The estimated cost to duplicate these records is $240.00 (2,400 pages at $0.10 per page). Please remit a deposit
            of $120.00 before we begin producing records. Upon receipt of payment, we expect to provide the first installment
            no later than April 10, 2026.

            Thank you,
            OPD Records Division
            """;

        var suggestion = ReplySuggestions.Suggest("Public Records Request #24-1187 - Cost Estimate", body, March12);

        Assert.Equal(RequestEventKind.FeeEstimate, suggestion.Kind);
        Assert.Contains("mentions \"estimated cost\"", suggestion.Reasons);
        Assert.Contains("mentions \"deposit\"", suggestion.Reasons);
        Assert.Contains(suggestion.Reasons, r => r.StartsWith("passes over \"", StringComparison.Ordinal) && r.EndsWith("first installment\": not done yet", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 4, 10), suggestion.Date);
    }

    [Fact]
    public void A_denial_citing_two_exemptions_is_a_denial_with_both_citations_in_order_and_no_date()
    {
        const string body = """
            Dear Ms. Doe,

            The Los Angeles Police Department has completed its review of your California Public Records Act request for
            records concerning Clearview AI. The Department has determined that the responsive records are exempt from
            disclosure under Government Code section 7923.600 (records of investigations) and Gov. Code § 7922.000, because
            on the facts of this request the public interest served by not disclosing them clearly outweighs the public
            interest served by disclosure. Accordingly, your request is denied.

            Please note that no fees will be charged. The Department will close this request on April 20, 2026.

            Discovery Section, Legal Affairs Division
            """;

        var suggestion = ReplySuggestions.Suggest("RE: CPRA Request 26-0412 - Clearview AI", body, March12);

        Assert.Equal(RequestEventKind.Denial, suggestion.Kind);
        Assert.Contains("mentions \"exempt\"", suggestion.Reasons);
        Assert.Contains("mentions \"denied\"", suggestion.Reasons);
        Assert.Contains("passes over \"Please note that no fees\": negated", suggestion.Reasons);
        Assert.Equal("Government Code section 7923.600; Gov. Code § 7922.000", suggestion.Exemptions);
        Assert.Null(suggestion.Date);
        Assert.Null(suggestion.DateAsWritten);
    }

    [Fact]
    public void Only_citations_near_the_withholding_count_as_exemptions_not_the_act_the_request_was_made_under()
    {
        const string body = """
            Dear Ms. Doe,

            Thank you for your request under the California Public Records Act, Government Code section 7920.000 et seq.,
            received on March 2, 2026, for records concerning the Department's use of automated license plate readers,
            including contracts, data-sharing agreements, retention schedules, audit logs and training materials for the
            years 2022 through 2026. The Department searched the files of its Information Technology Division and its
            Office of Constitutional Policing.

            The audit logs are exempt from disclosure under Gov. Code § 7923.600 and are withheld in their entirety.
            """;

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.Denial, suggestion.Kind);
        Assert.Equal("Gov. Code § 7923.600", suggestion.Exemptions);
    }

    [Fact]
    public void A_no_records_response_is_a_denial_citing_nothing()
    {
        const string body = """
            Dear Ms. Doe,

            After a diligent search of the Department's files, including the Procurement Division and the Office of the
            Chief of Police, we did not locate any records responsive to your request for contracts with Voyager Labs.

            This concludes our response to your request.

            Regards,
            Public Records Unit
            """;

        var suggestion = ReplySuggestions.Suggest("Your records request PRR-2026-0088", body, March12);

        Assert.Equal(RequestEventKind.Denial, suggestion.Kind);
        Assert.Contains("mentions \"did not locate any records\"", suggestion.Reasons);
        Assert.Null(suggestion.Exemptions);
        Assert.Null(suggestion.Date);
    }

    [Fact]
    public void A_partial_production_with_redactions_is_partial_with_every_exemption_cited_and_the_next_release_date()
    {
        const string body = """
            Dear Ms. Doe:

            This is the first interim release in response to your FOIA request. ICE considered 150 pages of records:
            98 pages are released in part and 12 pages are withheld in full. Attached are the responsive records.

            Portions have been withheld pursuant to Exemptions 6, 7(C) and 7(E) of the FOIA, 5 U.S.C. § 552(b)(6),
            (b)(7)(C), (b)(7)(E).

            ICE will continue to process your request and expects to make the next release by May 29, 2026.

            Sincerely,
            ICE FOIA Office
            """;

        var suggestion = ReplySuggestions.Suggest("ICE FOIA 2026-ICFO-12345 - Interim Release", body, March12);

        Assert.Equal(RequestEventKind.PartialProduction, suggestion.Kind);
        Assert.Contains("mentions \"Interim Release\"", suggestion.Reasons); // the subject comes first
        Assert.Contains("mentions \"Attached are the responsive records\"", suggestion.Reasons);
        Assert.Equal("Exemption 6; Exemption 7(C); Exemption 7(E); 5 U.S.C. § 552(b)(6); (b)(7)(C); (b)(7)(E)", suggestion.Exemptions);
        Assert.Equal(new DateOnly(2026, 5, 29), suggestion.Date);
    }

    [Fact]
    public void A_production_said_to_be_complete_is_final_even_with_redactions_and_keeps_the_exemptions_but_no_date()
    {
        const string body = """
            Ms. Doe,

            Please find attached the records responsive to your request. Personal phone numbers have been redacted under
            Gov. Code § 7927.705. With this release our production is complete and your request is closed. A copy of the
            records will be kept until June 30, 2026.
            """;

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.FinalProduction, suggestion.Kind);
        Assert.Contains("mentions \"production is complete\"", suggestion.Reasons);
        Assert.Equal("Gov. Code § 7927.705", suggestion.Exemptions);
        Assert.Null(suggestion.Date);
    }

    [Fact]
    public void Records_enclosed_with_nothing_held_back_are_a_final_production()
    {
        var suggestion = ReplySuggestions.Suggest("Records", "Attached are the responsive records: the Spokeo contract and two invoices.", March12);

        Assert.Equal(RequestEventKind.FinalProduction, suggestion.Kind);
        Assert.Contains("mentions \"Attached are the responsive records\"", suggestion.Reasons);
    }

    [Fact]
    public void A_denial_letter_sent_as_an_attachment_is_a_denial_not_a_production()
    {
        const string body = "Please see the attached letter denying your request under Exemption 7(E).";

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.Denial, suggestion.Kind);
        Assert.Equal("Exemption 7(E)", suggestion.Exemptions);
    }

    [Fact]
    public void A_request_for_clarification_outranks_its_mention_of_narrowing_and_fees()
    {
        const string body = """
            Hello,

            Before we can search, please clarify the time period your request covers and which divisions you mean. You may
            also wish to narrow the request to reduce any fees.
            """;

        var suggestion = ReplySuggestions.Suggest("Clarification needed - PRR 26-331", body, March12);

        Assert.Equal(RequestEventKind.ClarificationRequested, suggestion.Kind);
        Assert.Contains("mentions \"Clarification\"", suggestion.Reasons);
        Assert.Contains("mentions \"clarify\"", suggestion.Reasons);
    }

    [Fact]
    public void A_federal_extension_notice_offering_to_narrow_the_request_is_still_an_extension()
    {
        const string body = """
            Dear Requester:

            Because of unusual circumstances, we will need more than the 20 working days to process your request. You may
            narrow the scope of your request, or arrange an alternative time frame, by contacting our FOIA Public Liaison.
            We estimate completing it by April 13, 2026. Fees, if any, will be assessed later.
            """;

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.ExtensionNotice, suggestion.Kind);
        Assert.Equal(new DateOnly(2026, 4, 13), suggestion.Date);
    }

    [Fact]
    public void Narrowing_alone_suggests_a_request_for_clarification()
    {
        var suggestion = ReplySuggestions.Suggest(null, "Could you narrow the request to 2024 and 2025?", March12);

        Assert.Equal(RequestEventKind.ClarificationRequested, suggestion.Kind);
        Assert.Contains("mentions \"narrow\"", suggestion.Reasons);
    }

    [Fact]
    public void Words_the_agency_negates_or_only_contemplates_do_not_suggest_a_denial_or_an_extension()
    {
        const string body = """
            We have received your request. The contract is not exempt from disclosure, and if any record is withheld we will
            tell you why. We do not anticipate needing additional time.
            """;

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.Contains("passes over \"The contract is not exempt\": negated", suggestion.Reasons);
        Assert.Contains("passes over \"if any record is withheld\": only a possibility", suggestion.Reasons);
        Assert.Contains("passes over \"do not anticipate needing additional time\": negated", suggestion.Reasons);
    }

    [Fact]
    public void A_reply_above_the_quoted_request_is_read_without_the_request_it_quotes()
    {
        const string body = """
            Thank you, we have received your request and it has been assigned number 26-331.

            On Mon, Mar 2, 2026 at 9:14 AM Jane Doe <jane.doe@example.org>
            wrote:
            Under the California Public Records Act, I request all contracts with Spokeo. I ask that any fees be waived.
            If you withhold any record, please cite the specific exemption. Please respond by March 12, 2026.
            """;

        var suggestion = ReplySuggestions.Suggest("RE: Public records request PRA-2026-0001", body, new DateOnly(2026, 3, 3));

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.DoesNotContain(suggestion.Reasons, r => r.Contains("fee", StringComparison.OrdinalIgnoreCase) || r.Contains("exempt", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("leaves out the quoted earlier message", suggestion.Reasons);
        Assert.Null(suggestion.Date); // March 12 is only in the quoted request
    }

    [Fact]
    public void Outlook_headers_and_quoted_lines_are_left_out_too_so_a_reply_with_nothing_new_suggests_nothing()
    {
        const string body = """
            Noted, thanks.

            > Is the deposit refundable?

            -----Original Message-----
            From: Jane Doe
            Sent: Monday, March 2, 2026 9:14 AM
            Subject: Records request
            Records about Spokeo are not exempt; please waive all fees and respond by March 12, 2026.
            """;

        var suggestion = ReplySuggestions.Suggest("RE: Records request", body, new DateOnly(2026, 3, 3));

        Assert.Null(suggestion.Kind);
        Assert.Equal("no phrase suggests what kind of response this is; choose one", suggestion.Reasons[0]);
        Assert.Null(suggestion.Date);
    }

    [Fact]
    public void An_outlook_header_block_without_the_original_message_line_also_starts_the_quote()
    {
        const string body = """
            Your request has been assigned number 26-331.

            From: Jane Doe <jane.doe@example.org>
            Sent: Monday, March 2, 2026 9:14 AM
            To: Records
            Subject: Records request
            Please tell me if any record is denied or exempt, and the fees.
            """;

        Assert.Equal(RequestEventKind.Acknowledged, ReplySuggestions.Suggest(null, body, March12).Kind);
    }

    [Fact]
    public void A_confidentiality_footer_saying_exempt_from_disclosure_does_not_make_a_reply_a_denial()
    {
        const string body = """
            We have received your request and will respond within 10 days.

            CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended
            recipient(s) and may contain information that is privileged, confidential and exempt from disclosure under
            applicable law. Any unauthorized review, use or disclosure is prohibited.
            """;

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.Contains("leaves out a confidentiality notice", suggestion.Reasons);
    }

    [Fact]
    public void A_fee_waiver_decision_is_neither_a_fee_estimate_nor_a_denial_of_records()
    {
        const string body = """
            Your request has been assigned tracking number 2026-FOIA-0456. Your request for a fee waiver is denied because the
            records are not likely to contribute to public understanding; no fees are expected for this request at this time.
            """;

        var suggestion = ReplySuggestions.Suggest(null, body, March12);

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.Contains("passes over \"a fee waiver is denied\": about a fee waiver, not a fee or a withholding", suggestion.Reasons);
    }

    [Fact]
    public void The_responsive_documents_found_attached_are_a_final_production()
    {
        const string body = "Hi Jane, the records are ready. Please find attached the responsive documents (42 pages).";

        var suggestion = ReplySuggestions.Suggest("RE: request", body, March12);

        Assert.Equal(RequestEventKind.FinalProduction, suggestion.Kind);
        Assert.Contains("mentions \"Please find attached the responsive documents\"", suggestion.Reasons);
    }

    [Fact]
    public void The_subject_alone_can_carry_the_kind()
    {
        Assert.Equal(RequestEventKind.FeeEstimate, ReplySuggestions.Suggest("Fee estimate for request 26-331", null, March12).Kind);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("   ", "\r\n\r\n> quoted only")]
    [InlineData("{}[]()", "On wrote:")]
    public void Empty_or_odd_input_suggests_nothing_and_does_not_throw(string? subject, string? body)
    {
        var suggestion = ReplySuggestions.Suggest(subject, body, March12);

        Assert.Null(suggestion.Kind);
        Assert.Null(suggestion.Date);
        Assert.Null(suggestion.Exemptions);
        Assert.NotEmpty(suggestion.Reasons);
    }

    [Fact]
    public void A_huge_message_is_read_only_in_its_first_20000_characters()
    {
        // Long runs of the characters the patterns look for, then a cue past the limit that must not be seen.
        var filler = string.Concat(Enumerable.Repeat("12/12/12 (b)(7)(((( Gov. Code § 1.1.1.1. ", 600));
        var body = filler[..19_000] + " We have received your request. " + new string('a', 2_000) + " Your request is denied under Exemption 5. "
            + new string('x', 1_000_000);

        var suggestion = ReplySuggestions.Suggest(new string('s', 100_000), body, March12);

        Assert.Equal(RequestEventKind.Acknowledged, suggestion.Kind);
        Assert.Contains("reads only the first 20,000 characters of the message", suggestion.Reasons);
    }
}
