# escape=`
ARG WINDOWS=ltsc2022
FROM mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-${WINDOWS} AS build
WORKDIR C:\src
COPY *.csproj .\
RUN dotnet restore `
    --runtime win-x64
COPY . .
RUN dotnet publish -c Release -o C:\app `
    --no-restore `
    --self-contained false

FROM mcr.microsoft.com/windows/servercore:${WINDOWS}
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN New-Item -ItemType Directory -Path C:\logs | Out-Null; `
    Set-ItemProperty -Path HKLM:\SYSTEM -Name Foo -Value 1
COPY --from=build C:\app C:\app
ENTRYPOINT ["C:\\app\\Service.exe"]
