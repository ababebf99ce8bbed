namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>A <see cref="SharedGateway"/> with the staff account (<see cref="StaffUsers"/>).</summary>
public sealed class SharedStaffGateway() : SharedGateway(StaffUsers.Users());
