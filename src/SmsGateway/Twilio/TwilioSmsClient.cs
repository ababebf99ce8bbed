using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SmsBooking.SmsGateway.Outbound;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Sends one SMS with Twilio's library (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>)
/// and says what became of it in our terms (<see cref="SendResult"/>).</summary>
/// <remarks>Twilio's library builds and posts the request (form, Basic credentials, the Messages URL) and turns errors
/// into <see cref="ApiException"/>; its <see cref="TwilioRestClient"/> is this gateway's own (not the static
/// <c>TwilioClient.Init</c>), over an <see cref="System.Net.Http.HttpClient"/> from <see cref="IHttpClientFactory"/>
/// whose handlers do what the library does not: retries, timeouts and the circuit breaker
/// (Microsoft.Extensions.Http.Resilience), the shared send rate and the outbox hold per attempt, and
/// <c>Twilio:ApiBaseUrl</c>. Ours too: which of Twilio's errors drop a message and which keep it.</remarks>
public sealed class TwilioSmsClient
{
    public const string HttpClientName = "twilio";

    private readonly TwilioRestClient _client;
    private readonly TwilioOptions _options;

    public TwilioSmsClient(IHttpClientFactory http, IOptions<TwilioOptions> options)
    {
        _options = options.Value;
        _client = new TwilioRestClient(_options.AccountSid, _options.AuthToken, httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName)))
        {
            // The library's debug output (TWILIO_LOG_LEVEL=debug) goes to the console, past our structured logs.
            LogLevel = null,
        };
    }

    /// <summary>The message as Twilio's library will post it.</summary>
    public CreateMessageOptions OptionsFor(string to, string body)
    {
        var message = new CreateMessageOptions(new PhoneNumber(to)) { Body = body };
        if (string.IsNullOrWhiteSpace(_options.MessagingServiceSid))
        {
            message.From = new PhoneNumber(_options.From);
        }
        else
        {
            message.MessagingServiceSid = _options.MessagingServiceSid;
        }
        if (!string.IsNullOrWhiteSpace(_options.PublicBaseUrl))
        {
            message.StatusCallback = new Uri(_options.PublicBaseUrl.TrimEnd('/') + _options.StatusCallbackPath);
        }
        return message;
    }

    /// <summary>Posts the message, with the retries of the HTTP client's pipeline.</summary>
    public async Task<SendResult> SendAsync(string to, string body, CancellationToken cancellationToken = default)
    {
        try
        {
            var message = await MessageResource.CreateAsync(OptionsFor(to, body), _client);
            return message.Sid is null
                ? new SendResult.Retryable("2xx without a message sid")
                : new SendResult.Accepted(message.Sid, message.Status?.ToString() ?? "queued");
        }
        catch (ApiException e) when (e.Status == 429 || e.Status >= 500)
        {
            return new SendResult.Retryable($"HTTP {e.Status}, Twilio error {e.Code}");
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500)
        {
            int? code = e.Code == 0 ? null : e.Code;
            if (RecipientErrors.IsRecipientLevel(code))
            {
                return new SendResult.Permanent(code, e.Message);
            }
            return AccountErrors.IsAccountLevel(e.Status, code)
                ? new SendResult.Refused(e.Status, code, e.Message)
                : new SendResult.MessageRefused(e.Status, code, e.Message);
        }
        catch (ApiException)
        {
            // An answer the library could not read as Twilio's error (no JSON body, so no status either).
            return new SendResult.Retryable("an error answer without Twilio's error body");
        }
        catch (ApiConnectionException e)
        {
            return Unsent(e, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A 2xx whose body the library could not read, or the like: nothing says the message went out.
            return new SendResult.Retryable($"unexpected {e.GetType().Name}");
        }
    }

    /// <summary>What stopped a request on its way (the library wraps it in <see cref="ApiConnectionException"/>).</summary>
    private static SendResult Unsent(ApiConnectionException e, CancellationToken cancellationToken)
    {
        for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case HandOutTakenOverException:
                    return new SendResult.TakenOver();
                case BrokenCircuitException:
                    return new SendResult.CircuitOpen();
                case TimeoutRejectedException:
                    return new SendResult.Retryable("timeout");
                case OperationCanceledException when cancellationToken.IsCancellationRequested || HandOut.Current?.Stopping.IsCancellationRequested == true:
                    throw new OperationCanceledException("the sender is stopping", inner);
            }
        }
        return new SendResult.Retryable($"connection: {e.InnerException?.GetType().Name ?? "no response"}");
    }
}
