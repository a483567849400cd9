# syntax=docker/dockerfile:1
# Container image of WiangHa Platform, deployed by charts/wiangha-platform (docs/deployment.md).
#   docker build -t registry.example/wiangha-platform:0.1.0 .
# Build stage: the .NET SDK restores and publishes the web host (framework-dependent, no apphost).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a code change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/WiangHa.Platform.Domain/WiangHa.Platform.Domain.csproj src/WiangHa.Platform.Domain/
COPY src/WiangHa.Platform.Infrastructure/WiangHa.Platform.Infrastructure.csproj src/WiangHa.Platform.Infrastructure/
COPY src/WiangHa.Platform.Migrations.Sqlite/WiangHa.Platform.Migrations.Sqlite.csproj src/WiangHa.Platform.Migrations.Sqlite/
COPY src/WiangHa.Platform.Migrations.PostgreSql/WiangHa.Platform.Migrations.PostgreSql.csproj src/WiangHa.Platform.Migrations.PostgreSql/
COPY src/WiangHa.Platform.Migrations.SqlServer/WiangHa.Platform.Migrations.SqlServer.csproj src/WiangHa.Platform.Migrations.SqlServer/
COPY src/WiangHa.Platform.Web/WiangHa.Platform.Web.csproj src/WiangHa.Platform.Web/
RUN dotnet restore src/WiangHa.Platform.Web/WiangHa.Platform.Web.csproj -r linux-x64
COPY src/ src/
# ReadyToRun (still framework-dependent): our assemblies and the packages' come precompiled, so a replica JITs far less
# on its way to ready (about 1.5 s less of a 4 s start on a busy 2-core machine; docs/benchmarks.md).
RUN dotnet publish src/WiangHa.Platform.Web/WiangHa.Platform.Web.csproj -c Release --no-restore -o /app -p:UseAppHost=false \
    -r linux-x64 --self-contained false -p:PublishReadyToRun=true

# Runtime stage: ASP.NET Core runtime only (with ICU: Thai collation and formatting need it), as the image's
# non-root "app" user (uid 1654). Nothing is written under /app, so the root filesystem can be mounted read-only;
# .NET's temporary files go to /tmp, which the chart mounts as an emptyDir.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER 1654
# Kubernetes probes /health/live and /health/ready itself (no HEALTHCHECK). "migrate" as the argument runs the
# migrations and exits (the chart's pre-install/pre-upgrade Job).
ENTRYPOINT ["dotnet", "WiangHa.Platform.Web.dll"]
