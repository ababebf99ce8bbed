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
// `SmsGateway --init-config office.json`: an office's first configuration file (fresh keys, a console user).
if (args is ["--init-config", var path])
{
    return OfficeConfigInit.Run(path, Console.In, Console.Out, Console.Error, Console.IsInputRedirected ? null : OfficeConfigInit.ReadHidden);
}
return await GatewayApp.RunAsync(args);
