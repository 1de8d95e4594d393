# syntax=docker/dockerfile:1
# Build: docker build -t asbops .   Run: docker run -p 8080:8080 -v asbops-data:/app/data asbops

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props AsbOps.sln ./
COPY src/AsbOps.Domain/AsbOps.Domain.csproj src/AsbOps.Domain/
COPY src/AsbOps.Web/AsbOps.Web.csproj src/AsbOps.Web/
RUN dotnet restore src/AsbOps.Web/AsbOps.Web.csproj
COPY src/ src/
COPY wwwroot-assets/ wwwroot-assets/
RUN dotnet publish src/AsbOps.Web/AsbOps.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /app/data /app/mail-pickup && chown -R app:app /app/data /app/mail-pickup
COPY --from=build --chown=app:app /app .
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__AsbOps="Data Source=/app/data/asbops.db"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "AsbOps.Web.dll"]
