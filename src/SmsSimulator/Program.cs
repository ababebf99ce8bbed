using SmsBooking.SmsSimulator;

return await SimulatorApp.RunAsync(args, Console.In, Console.Out);
