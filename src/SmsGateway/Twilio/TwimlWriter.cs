using System.Text;
using System.Xml;
using System.Xml.Linq;
using Twilio.TwiML;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>TwiML answers to Twilio's inbound webhook, written by Twilio's library (<see cref="MessagingResponse"/>).</summary>
/// <remarks>Ours: removing the characters XML 1.0 cannot carry (a UCS-2 SMS can hold U+0001 or a lone surrogate, and
/// the library's XML writer throws on them), without cutting a surrogate pair.</remarks>
public static class TwimlWriter
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>An empty <c>&lt;Response&gt;</c>: nothing is to be said.</summary>
    public static string Empty() => new MessagingResponse().ToString(SaveOptions.DisableFormatting);

    /// <summary>One <c>&lt;Message&gt;</c>, escaped, with characters XML 1.0 cannot carry removed.</summary>
    public static string Message(string text) => new MessagingResponse().Message(XmlSafe(text)).ToString(SaveOptions.DisableFormatting);

    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
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
