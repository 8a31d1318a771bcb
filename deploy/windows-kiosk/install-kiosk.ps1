<#
.SYNOPSIS
  Installs the Victoria terminal bundle for a self-service kiosk user on Windows 10/11
  Enterprise or Education, with Shell Launcher: the kiosk user's shell IS the terminal,
  restarted whenever it exits. Run as Administrator. NOT RUN in this project's CI (no
  Windows machine there); see README.md beside this script for what to check by hand.

.EXAMPLE
  .\install-kiosk.ps1 -Bundle .\vic-kiosk -CentralUrl https://lk.vic.kz -TerminalName "Алматы, Абая 10, киоск"
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)] [string] $Bundle,          # the unpacked one-folder bundle (make bundle / the Windows workflow)
  [Parameter(Mandatory)] [string] $CentralUrl,      # https:// only
  [Parameter(Mandatory)] [string] $TerminalName,
  [string] $KioskUser = "VicKiosk",
  [string] $InstallDir = "$env:ProgramFiles\VictoriaKiosk",
  [string] $Locale = "ru"
)
$ErrorActionPreference = "Stop"

if (-not $CentralUrl.StartsWith("https://")) { throw "The central's address must start with https://." }

# 1. The bundle, read-only for everyone but administrators.
New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
Copy-Item -Recurse -Force -Path (Join-Path $Bundle "*") -Destination $InstallDir
$exe = Join-Path $InstallDir "vic-kiosk.exe"
if (-not (Test-Path $exe)) { throw "No vic-kiosk.exe in $Bundle." }

# 2. The configuration, machine-wide; secrets never go here (they live in the
#    kiosk user's Credential Locker, written by 'vic-kiosk enroll' and 'admin-pin').
$configDir = "$env:ProgramData\vic-kiosk"
New-Item -ItemType Directory -Force -Path $configDir | Out-Null
@"
central_url = "$CentralUrl"
mode = "kiosk"
terminal_name = "$TerminalName"
default_locale = "$Locale"
"@ | Set-Content -Encoding UTF8 -Path (Join-Path $configDir "kiosk.toml")
[Environment]::SetEnvironmentVariable("VIC_KIOSK_CONFIG", (Join-Path $configDir "kiosk.toml"), "Machine")

# 3. The kiosk user: a standard local account, never an administrator.
if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
  $password = Read-Host -AsSecureString "A password for $KioskUser (used by autologon only)"
  New-LocalUser -Name $KioskUser -Password $password -PasswordNeverExpires -UserMayNotChangePassword | Out-Null
  Add-LocalGroupMember -Group "Users" -Member $KioskUser
}
$sid = (Get-LocalUser -Name $KioskUser).SID.Value

# 4. Shell Launcher: the terminal replaces explorer.exe for the kiosk user only;
#    exit action 0 = restart the shell (the app) whenever it exits or crashes.
Enable-WindowsOptionalFeature -Online -NoRestart -FeatureName Client-EmbeddedShellLauncher | Out-Null
$launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
$launcher.SetDefaultShell("explorer.exe", 0) | Out-Null
try { $launcher.RemoveCustomShell($sid) | Out-Null } catch { }
$launcher.SetCustomShell($sid, "`"$exe`"", $null, $null, 0) | Out-Null
$launcher.SetEnabled($true) | Out-Null

Write-Host "Installed. Next, as $KioskUser (runas /user:$KioskUser cmd):"
$admin = Join-Path $InstallDir "vic-kiosk-admin.exe"
Write-Host "  `"$admin`" enroll CODE --central $CentralUrl"
Write-Host "  `"$admin`" admin-pin"
Write-Host "Then set autologon for $KioskUser with Sysinternals Autologon (it keeps the password as an LSA secret, not in the registry) and restart."
