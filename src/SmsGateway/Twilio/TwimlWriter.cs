using System.Text;
using System.Xml;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>TwiML answers to Twilio's inbound webhook.</summary>
public static class TwimlWriter
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary><c>&lt;Response/&gt;</c>: nothing is to be said.</summary>
    public static string Empty() => "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    /// <summary>One <c>&lt;Message&gt;</c>, escaped, with characters XML 1.0 cannot carry removed.</summary>
    public static string Message(string text)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Encoding.UTF8 };
        using (var xml = XmlWriter.Create(sb, settings))
        {
            xml.WriteStartElement("Response");
            xml.WriteElementString("Message", XmlSafe(text));
            xml.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sb;
    }

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
