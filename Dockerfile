# Container image for charts/wiangha-platform (not built in CI: no Docker engine runs on our machines).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/WiangHa.Platform.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER app
ENTRYPOINT ["dotnet", "WiangHa.Platform.Web.dll"]
