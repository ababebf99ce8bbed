using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Staff;

// The container image has no curl: `SmsGateway --healthcheck URL` is its HEALTHCHECK probe.
if (args is ["--healthcheck", var url])
{
    return await HealthProbe.RunAsync(url);
}
// `SmsGateway --hash-password`: a console password's hash for Staff:Users:N:PasswordHash.
if (args is ["--hash-password"])
{
    return StaffPasswords.RunHashTool(Console.In, Console.Out, Console.Error);
}
return await GatewayApp.RunAsync(args);
