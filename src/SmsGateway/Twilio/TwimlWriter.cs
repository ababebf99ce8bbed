using System.Text;
using System.Xml;
using Twilio.TwiML;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>TwiML answers to Twilio's inbound webhook, built by Twilio's library (<see cref="MessagingResponse"/>).</summary>
/// <remarks>
/// <para>Ours: removing the characters XML 1.0 cannot carry (a UCS-2 SMS can hold U+0001 or a lone surrogate, and
/// the library's XML writer throws on them), without cutting a surrogate pair.</para>
/// <para>The library's document is written as its own <c>ToString(SaveOptions.DisableFormatting)</c> writes it (the
/// same XML writer settings, the declaration's <c>utf-8</c>), but as UTF-8 into a buffer the thread keeps: its
/// <c>ToString</c> writes through a <c>StringWriter</c>, whose XML writer takes a 12 KB character buffer for every
/// answer (a test compares the two outputs).</para>
/// </remarks>
public static class TwimlWriter
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>What <c>XDocument.Save</c> uses for <see cref="System.Xml.Linq.SaveOptions.DisableFormatting"/>, with
    /// UTF-8 without a byte order mark (a <c>StringWriter</c> has none either).</summary>
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>An answer's bytes, kept by each thread and emptied before each use.</summary>
    [ThreadStatic]
    private static MemoryStream? _output;

    /// <summary>An empty <c>&lt;Response&gt;</c>: nothing is to be said.</summary>
    public static string Empty() => Write(new MessagingResponse());

    /// <summary>One <c>&lt;Message&gt;</c>, escaped, with characters XML 1.0 cannot carry removed.</summary>
    public static string Message(string text) => Write(new MessagingResponse().Message(XmlSafe(text)));

    private static string Write(MessagingResponse response)
    {
        var document = response.ToXDocument();
        var output = _output ??= new MemoryStream(1024);
        output.SetLength(0);
        using (var writer = XmlWriter.Create(output, Settings))
        {
            document.Save(writer);
        }
        var text = Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
        if (output.Capacity > 64 * 1024)
        {
            _output = null; // an answer far longer than an SMS: not kept
        }
        return text;
    }

    private static string XmlSafe(string text)
    {
        var i = 0;
        while (i < text.Length && XmlConvert.IsXmlChar(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }
        return sb.ToString();
    }
}
