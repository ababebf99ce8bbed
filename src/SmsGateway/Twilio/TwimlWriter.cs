using System.Text;
using System.Xml;
using System.Xml.Linq;
using Twilio.TwiML;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>TwiML answers to Twilio's inbound webhook, built by Twilio's library (<see cref="MessagingResponse"/>).</summary>
/// <remarks>
/// <para>Ours: removing the characters XML 1.0 cannot carry (a UCS-2 SMS can hold U+0001 or a lone surrogate, and
/// the library's XML writer throws on them), without cutting a surrogate pair.</para>
/// <para>The library's document is written as its own <c>ToString(SaveOptions.DisableFormatting)</c> writes it (the
/// same XML writer settings; a test compares the two outputs) but without a new XML writer each answer: its
/// <c>ToString</c> writes through a <c>StringWriter</c> whose XML writer takes a 12 KB character buffer every time.
/// Here each thread keeps one UTF-8 writer of fragments; an answer is the declaration the library writes (taken from it
/// once) followed by the document's root element, written and flushed into the thread's buffer.</para>
/// </remarks>
public static class TwimlWriter
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>What <c>XDocument.Save</c> uses for <see cref="System.Xml.Linq.SaveOptions.DisableFormatting"/>, as
    /// UTF-8 without a byte order mark (a <c>StringWriter</c> has none either), for one root element after another.</summary>
    private static readonly XmlWriterSettings Fragments = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        CloseOutput = false,
    };

    /// <summary>The XML declaration as the library writes it, <c>&lt;?xml version="1.0" encoding="utf-8"?&gt;</c>.</summary>
    private static readonly byte[] Declaration = DeclarationOfTheLibrary();

    [ThreadStatic]
    private static ThreadWriter? _writer;

    /// <summary>An empty <c>&lt;Response&gt;</c>: nothing is to be said.</summary>
    public static string Empty() => Write(new MessagingResponse());

    /// <summary>One <c>&lt;Message&gt;</c>, escaped, with characters XML 1.0 cannot carry removed.</summary>
    public static string Message(string text) => Write(new MessagingResponse().Message(XmlSafe(text)));

    private static string Write(MessagingResponse response)
    {
        var root = response.ToXDocument().Root!;
        var writer = _writer ??= new ThreadWriter();
        try
        {
            writer.Output.SetLength(0);
            writer.Output.Write(Declaration);
            root.WriteTo(writer.Xml);
            writer.Xml.Flush();
        }
        catch
        {
            _writer = null; // a writer that failed half-way is not used again
            throw;
        }
        var text = Encoding.UTF8.GetString(writer.Output.GetBuffer(), 0, (int)writer.Output.Length);
        if (writer.Output.Capacity > 64 * 1024)
        {
            _writer = null; // an answer far longer than an SMS: its buffer is not kept
        }
        return text;
    }

    private static byte[] DeclarationOfTheLibrary()
    {
        var empty = new MessagingResponse().ToString(SaveOptions.DisableFormatting);
        return Encoding.UTF8.GetBytes(empty[..(empty.IndexOf("?>", StringComparison.Ordinal) + 2)]);
    }

    private sealed class ThreadWriter
    {
        public ThreadWriter() => Xml = XmlWriter.Create(Output, Fragments);

        public MemoryStream Output { get; } = new(1024);

        public XmlWriter Xml { get; }
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
