using SmsBooking.SmsGateway.Hosting;

return await GatewayApp.RunAsync(args);
