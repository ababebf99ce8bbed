using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Webhooks;

/// <summary>Twilio's webhooks: the inbound SMS (answered with TwiML).</summary>
public static class TwilioWebhookEndpoints
{
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sms/inbound", InboundAsync).DisableAntiforgery();
        app.MapPost("/sms/status", StatusAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>Twilio's status callback for an outbound message: signed like the inbound webhook.</summary>
    private static async Task<IResult> StatusAsync(HttpContext http, WebhookAuthenticator authenticator, IOutbox outbox, IPhoneStore phones,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Text("The callback expects application/x-www-form-urlencoded.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (await TwilioForm.ReadAsync(http.Request, cancellationToken) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var log = logs.CreateLogger(typeof(TwilioWebhookEndpoints));
        if (!authenticator.IsAuthentic(http.Request, form))
        {
            log.LogWarning("Rejected a status callback with a wrong or missing signature from {Remote}", http.Connection.RemoteIpAddress);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0)
        {
            return TypedResults.BadRequest(sid.Length == 0 ? "MessageSid is required." : "MessageStatus is required.");
        }
        var error = form["ErrorCode"].ToString();
        // A callback seen before (a replay of a captured one) must not opt the number out again after its START.
        var previous = error == "21610" ? await outbox.GetStatusAsync(sid) : null;
        var kept = await outbox.RecordStatusAsync(sid, status, error.Length == 0 ? null : error);
        if (error == "21610" && previous?.ErrorCode != "21610" && form["To"].ToString() is { Length: > 0 } to)
        {
            await phones.SetOptedOutAsync(to, true); // the recipient unsubscribed at Twilio
        }
        log.LogInformation("Status of {Sid}: {Status} (kept {Kept})", sid, status, kept.Status);
        return TypedResults.Ok();
    }

    private static async Task<IResult> InboundAsync(HttpContext http, InboundSmsHandler handler, WebhookAuthenticator authenticator,
        ITwilioWebhookWire wire, BookingCore.Statistics.ReplySegmentTally replies, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Text("The webhook expects application/x-www-form-urlencoded.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (await TwilioForm.ReadAsync(http.Request, cancellationToken) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!authenticator.IsAuthentic(http.Request, form))
        {
            logs.CreateLogger(typeof(TwilioWebhookEndpoints)).LogWarning("Rejected an inbound webhook with a wrong or missing signature from {Remote}",
                http.Connection.RemoteIpAddress);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var from = form["From"].ToString().Trim();
        var messageSid = form["MessageSid"].ToString().Trim();
        if (from.Length == 0 || messageSid.Length == 0)
        {
            return TypedResults.BadRequest(from.Length == 0 ? "From is required." : "MessageSid is required.");
        }
        var reply = await handler.HandleAsync(from, messageSid, form["Body"].ToString(), cancellationToken);
        if (reply is not null)
        {
            replies.Add(SmsEncoding.Measure(reply).Segments); // Twilio bills the reply as an SMS: counted in the statistics
        }
        return TypedResults.Content(wire.Twiml(reply), TwimlWriter.ContentType);
    }
}
