namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Where a message holds a name: the whole of it at the name step (<c>Ne Tran</c>, <c>Jmenuji se Jan Novak</c>),
/// or beside other things (<c>pas zitra v 10, Jan Novak</c>), as typed (docs/conversation-reading.md, "Names").</summary>
internal static partial class NameReader
{
    /// <summary>Characters of markup and code that no name holds.</summary>
    private static readonly System.Buffers.SearchValues<char> Markup = System.Buffers.SearchValues.Create("<>&{}[]=$#*\\|`~^%@_");

    /// <summary>At the name step what is not wholly understood as something else is the name: <c>Ne Tran</c> is a name,
    /// <c>ne</c> is no, <c>patek</c> is Friday but <c>Jan Patek</c> a name; <c>Jmenuji se Jan Novak</c> is
    /// <c>Jan Novak</c>.</summary>
    public static MessageReading ReadAtNameStep(string raw, MessageScan scan, ReadingContext context)
    {
        var tokens = scan.Tokens;
        if (raw.AsSpan().IndexOfAny(Markup) >= 0)
        {
            // No name holds these; a message with them is read as any other (in "]]>&amp;<!--" "amp" is no name).
            return MessageReader.Compose(raw, scan, context, withName: true);
        }
        var introEnd = scan.SelfIntroEnd > 0 ? scan.SelfIntroEnd : scan.IntroEnd > 0 && scan.Roles.Take(scan.IntroEnd).All(r => r is TokenRole.Intro or TokenRole.Filler) ? scan.IntroEnd : -1;
        if (introEnd > 0 && introEnd < tokens.Count && NameRule.TryName(Cut(raw, tokens, introEnd, NameEnd(scan, introEnd)), out var introduced))
        {
            return new MessageReading { Name = introduced };
        }
        if (!scan.Has(TokenRole.Unknown) && !scan.Has(TokenRole.Number) && scan.Has(TokenRole.Meaning))
        {
            return MessageReader.Compose(raw, scan, context, withName: false);
        }
        if (tokens.Count > 0 && NameRule.TryName(Cut(raw, tokens, 0, NameEnd(scan, 0)), out var name))
        {
            return new MessageReading { Name = name };
        }
        // "Jan Novák, 15.3.1980": the name is the first part, what follows it is something else; only when the message
        // starts with it (in "<script>alert(1)</script>" the first part is no name).
        var firstBreak = Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).FirstOrDefault(k => tokens[k].Break);
        if (firstBreak > 0 && string.IsNullOrWhiteSpace(raw[..tokens[0].Start])
            && Enumerable.Range(0, firstBreak).All(k => scan.Roles[k] is TokenRole.Unknown or TokenRole.Meaning)
            && NameRule.TryName(Cut(raw, tokens, 0, firstBreak), out var first))
        {
            return MessageReader.Compose(raw, scan, context, withName: false) with { Name = first };
        }
        return MessageReader.Compose(raw, scan, context, withName: true);
    }

    /// <summary>The comma before academic titles closing a message (<c>Jan Novak, Ph.D.</c>, <c>Novak Jan, Ing.</c>)
    /// turned into a space (the text keeps its length), so that the titles stay with the name as Czech signatures write
    /// them: the comma made them a second part, and the name was cut to what came before the first full stop.</summary>
    public static string WithoutTitleCommas(string raw) => raw.Contains(',') ? TitleCommaRegex().Replace(raw, " ") : raw;

    [System.Text.RegularExpressions.GeneratedRegex(@",(?=(?:\s*(?:Ph\.?\s?D|Th\.?\s?D|CSc|DrSc|DiS|MBA|LL\.?\s?M|Ing|Mgr|Bc|MUDr|MVDr|MDDr|JUDr|PhDr|RNDr|PharmDr|PaedDr|ThDr|doc|prof)\.?)+\s*$)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TitleCommaRegex();

    /// <summary>Where a name that starts at <paramref name="from"/> ends: before a closing part of fillers only
    /// (<c>Jan Novak, diky</c>).</summary>
    private static int NameEnd(MessageScan scan, int from)
    {
        var end = scan.Tokens.Count;
        for (var k = scan.Tokens.Count - 1; k > from; k--)
        {
            if (scan.Tokens[k].Break)
            {
                if (Enumerable.Range(k, end - k).All(x => scan.Roles[x] is TokenRole.Filler))
                {
                    end = k;
                }
                break;
            }
        }
        return end;
    }

    /// <summary>A name beside other things: after <c>jmenuji se</c>; or words no rule knows, set off by a comma at the
    /// start or the end (<c>pas zitra v 10, Jan Novak</c>); or capitalized words no rule knows at the end (<c>Pas zitra
    /// v 10 Jan Novak</c>). Lower-case unknown words at the end are not taken for a name: they are more often words
    /// the reader does not know.</summary>
    /// <param name="besidePick">The message is what follows a number picked from the list (<c>1 Jan Novak</c>): the
    /// pick is the other thing said, so capitalized words alone are the name.</param>
    public static string? FindName(string raw, MessageScan scan, bool besidePick = false)
    {
        var tokens = scan.Tokens;
        var roles = scan.Roles;
        bool IsNameWord(int k) => roles[k] == TokenRole.Unknown && tokens[k].IsWord;
        if (!scan.Has(TokenRole.Meaning) && !besidePick)
        {
            return null;
        }
        if (scan.IntroEnd > 0)
        {
            var end = scan.IntroEnd;
            while (end < tokens.Count && IsNameWord(end) && (end == scan.IntroEnd || !tokens[end].Break))
            {
                end++;
            }
            if (end > scan.IntroEnd && NameRule.TryName(Cut(raw, tokens, scan.IntroEnd, end), out var introduced))
            {
                return introduced;
            }
        }
        // A segment of its own, first or last.
        var breaks = Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).Where(k => tokens[k].Break).ToList();
        if (breaks.Count > 0)
        {
            foreach (var (from, to) in new[] { (breaks[^1], tokens.Count), (0, breaks[0]) })
            {
                var count = to - from;
                if (count is >= 1 and <= 4 && Enumerable.Range(from, count).All(IsNameWord)
                    && (count >= 2 || Capitalized(raw, tokens[from]))
                    && NameRule.TryName(Cut(raw, tokens, from, to), out var segment))
                {
                    return segment;
                }
            }
        }
        // Capitalized unknown words closing the message.
        var start = tokens.Count;
        while (start > 0 && IsNameWord(start - 1) && Capitalized(raw, tokens[start - 1]) && (start == tokens.Count || !tokens[start].Break))
        {
            start--;
        }
        var run = tokens.Count - start;
        if (run is >= 2 and <= 4 && (start > 0 || besidePick) && NameRule.TryName(Cut(raw, tokens, start, tokens.Count), out var closing))
        {
            return closing;
        }
        return null;
    }

    private static bool Capitalized(string raw, Token token) => char.IsUpper(raw[token.Start]);

    /// <summary>The text as typed from token <paramref name="from"/> up to (not including) token <paramref name="to"/>;
    /// an abbreviation's dot (<c>ml.</c>, <c>Ing.</c>) is kept, a sentence's full stop after a longer word is not.</summary>
    public static string Cut(string raw, List<Token> tokens, int from, int to)
    {
        if (to <= from)
        {
            return "";
        }
        var last = tokens[to - 1];
        var end = last.End;
        if (end < raw.Length && raw[end] == '.' && last.End - last.Start <= 3 && last.IsWord)
        {
            end++;
        }
        return raw[tokens[from].Start..end];
    }
}
