using SmsBooking.SmsGateway.Hosting;

// The container image has no curl: `SmsGateway --healthcheck URL` is its HEALTHCHECK probe.
if (args is ["--healthcheck", var url])
{
    return await HealthProbe.RunAsync(url);
}
return await GatewayApp.RunAsync(args);
