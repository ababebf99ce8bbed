# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props SmsBooking.sln appsettings.json ./
COPY src/BookingCore/BookingCore.csproj src/BookingCore/
COPY src/SmsGateway/SmsGateway.csproj src/SmsGateway/
RUN dotnet restore src/SmsGateway/SmsGateway.csproj
COPY src/BookingCore/ src/BookingCore/
COPY src/SmsGateway/ src/SmsGateway/
RUN dotnet publish src/SmsGateway/SmsGateway.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=1 \
    Logging__Console__FormatterName=json
EXPOSE 8080
# The image's built-in unprivileged user.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["dotnet", "SmsGateway.dll", "--healthcheck", "http://127.0.0.1:8080/health/live"]
# SIGTERM lets webhooks in flight finish (up to 20 s): run with --stop-timeout 25.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "SmsGateway.dll"]
