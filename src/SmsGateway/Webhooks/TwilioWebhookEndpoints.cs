using Microsoft.AspNetCore.Http.HttpResults;
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
        return app;
    }

    private static async Task<IResult> InboundAsync(HttpContext http, InboundSmsHandler handler, WebhookAuthenticator authenticator,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Text("The webhook expects application/x-www-form-urlencoded.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
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
        return Twiml(reply);
    }

    private static ContentHttpResult Twiml(string? message) =>
        TypedResults.Content(message is null ? TwimlWriter.Empty() : TwimlWriter.Message(message), TwimlWriter.ContentType);
}
