# syntax=docker/dockerfile:1

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the build settings and project files only, so the package layer
# is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/PraTracker.Data/PraTracker.Data.csproj src/PraTracker.Data/
COPY src/PraTracker.Jobs/PraTracker.Jobs.csproj src/PraTracker.Jobs/
COPY src/PraTracker.Web/PraTracker.Web.csproj src/PraTracker.Web/
RUN dotnet restore src/PraTracker.Web/PraTracker.Web.csproj

COPY src/ src/
# No --no-restore: a project added later still restores (a no-op when nothing changed).
RUN dotnet publish src/PraTracker.Web/PraTracker.Web.csproj -c Release -o /app

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# curl, for the health check below; OCRmyPDF with Tesseract's English model, to read scanned productions (it brings
# Ghostscript and the rest it needs). The admin page says whether OCR is ready; Ocr:Language adds languages once their
# tesseract-ocr-* packages are added here.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ocrmypdf tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*

# DataDirectory holds the SQLite file (when no PostgreSQL is configured) and uploaded files (with local storage).
# ASPNETCORE_HTTP_PORTS is emptied so that the image default does not clash with ASPNETCORE_URLS.
# The root file system can be mounted read-only (docker-compose.yml does): the app writes only to /data and /tmp,
# and its data-protection keys live in the database, not in the home folder.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DataDirectory=/data

# Created before VOLUME so a fresh named volume inherits the non-root owner.
RUN mkdir /data && chown "$APP_UID" /data
VOLUME /data

COPY --from=build /app .

# The image's unprivileged "app" user.
USER $APP_UID
EXPOSE 8080

# Ready once the database answers; /healthz (liveness) answers as soon as the process serves.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz > /dev/null || exit 1

ENTRYPOINT ["dotnet", "PraTracker.Web.dll"]
