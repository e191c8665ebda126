# Builds eMite Setup's Windows installer: jdeps -> jlink (a trimmed Java runtime with JavaFX in it) -> jpackage.
#   target\packaging\out\ app-image ("eMite Setup\") and "eMite Setup-<version>.msi" (per-user: no administrator
#   needed). Two launchers: "eMite Setup.exe" (the window, no console) and emite-setup.exe (a console program, for the
#   command line: emite-setup verify --help).
# Usage: powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-SkipMaven] [-Types "app-image","msi"]
# Needs: JDK 17+ with jmods (JAVA_HOME or on PATH), Maven, and WiX Toolset 3.x (candle.exe, light.exe on PATH) for
# the .msi. Same steps as packaging/build.sh; see docs/PACKAGING.md.
param(
    [switch]$SkipMaven,
    [string[]]$Types = @("app-image", "msi")
)
$ErrorActionPreference = "Stop"
# "powershell -File build.ps1 -Types app-image,msi" passes one string, not an array: split it here.
$Types = @($Types | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

# packaging\package.conf: KEY="value" lines shared with build.sh
$Conf = @{}
Get-Content packaging\package.conf | Where-Object { $_ -match '^([A-Z_]+)="(.*)"$' } | ForEach-Object {
    $Conf[$Matches[1]] = $Matches[2]
}
# Windows shows the launcher's name in the Start menu, on the desktop shortcut and in Apps: "eMite Setup".
$Name = $Conf.DISPLAY_NAME; $Artifact = $Conf.ARTIFACT

if ($env:JAVA_HOME) { $JBin = Join-Path $env:JAVA_HOME "bin" }
else { $JBin = Split-Path -Parent (Get-Command jlink.exe).Source }
foreach ($t in "java", "jar", "jdeps", "jlink", "jpackage") {
    if (-not (Test-Path (Join-Path $JBin "$t.exe"))) { throw "$t.exe not found in ${JBin}: install a full JDK 17+ or set JAVA_HOME" }
}
function Tool($t) { Join-Path $JBin "$t.exe" }
function Log($m) { Write-Host "[package] $m" }
function Run($exe, [string[]]$argv) {
    & $exe @argv
    if ($LASTEXITCODE -ne 0) { throw "$exe failed ($LASTEXITCODE)" }
}

# ---- 1. The app's jar and its runtime dependencies
if (-not $SkipMaven) {
    Log "building the jar (mvn package, tests skipped)"
    Run mvn @("-B", "-q", "-DskipTests", "package")
    Run mvn @("-B", "-q", "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=target/packaging/deps")
}
$Version = (Select-String -Path target\classes\com\emite\setup\ui\about\about.properties -Pattern '^version=(.*)$').Matches[0].Groups[1].Value
$NumVersion = [regex]::Match($Version, '^\d+(\.\d+){0,2}').Value
$AppJar = "target\$Artifact-$Version.jar"
if (-not (Test-Path $AppJar)) { throw "$AppJar is missing: run mvn -B package first (or drop -SkipMaven)" }

$W = "target\packaging\work"; $Out = "target\packaging\out"
Remove-Item -Recurse -Force $W, $Out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$W\input", "$W\fx", "$W\natives", $Out | Out-Null

# The app on the class path (okio is an automatic module, which jlink refuses); JavaFX as modules in the runtime,
# its DLLs moved into the runtime's bin folder so that JavaFX loads them directly (no unpacking on first start).
Copy-Item $AppJar "$W\input\$Artifact.jar"
foreach ($j in Get-ChildItem target\packaging\deps\*.jar) {
    if ($j.Name -match '^(javafx-[a-z]+)-.*-win\.jar$') {
        $mod = $Matches[1]; $d = "$W\fxmod-$mod"
        New-Item -ItemType Directory -Force $d | Out-Null
        Push-Location $d; Run (Tool jar) @("xf", $j.FullName); Pop-Location
        Get-ChildItem $d -Filter *.dll | Move-Item -Destination "$W\natives" -Force
        Get-ChildItem $d -File | Where-Object { $_.Name -like "*.sha1" -or $_.Name -eq "javafx-swt.jar" } | Remove-Item
        Remove-Item "$d\META-INF\MANIFEST.MF" -ErrorAction SilentlyContinue
        Run (Tool jar) @("--create", "--file", "$W\fx\$mod.jar", "-C", $d, ".")
        Remove-Item -Recurse -Force $d
    } elseif ($j.Name -notlike "javafx-*") {
        Copy-Item $j.FullName "$W\input\"
    }
}

# ---- 2. jdeps
$Cp = (Get-ChildItem "$W\input\*.jar" | Where-Object { $_.Name -ne "$Artifact.jar" } | ForEach-Object { $_.FullName }) -join ";"
Log "jdeps"
$Deps = (& (Tool jdeps) -q --multi-release 17 --ignore-missing-deps --print-module-deps --module-path "$W\fx" --class-path $Cp "$W\input\$Artifact.jar" | Select-Object -Last 1)
$Modules = "$Deps,$($Conf.EXTRA_MODULES)"
Log "runtime modules: $Modules"

# ---- 3. jlink
$JMods = Join-Path (Split-Path -Parent $JBin) "jmods"
Log "jlink"
Run (Tool jlink) @("--module-path", "$W\fx;$JMods", "--add-modules", $Modules, "--strip-debug", "--no-header-files",
    "--no-man-pages", "--compress=2", "--generate-cds-archive", "--output", "$W\runtime")
Copy-Item "$W\natives\*" "$W\runtime\bin\"

# ---- 4. The icon: a Windows .ico holding the PNGs of assets\ (PNG-in-ICO, Windows Vista and later)
$Ico = "$W\$Name.ico"
$Pngs = 16, 32, 48, 64, 128, 256 | ForEach-Object { ,[IO.File]::ReadAllBytes((Resolve-Path "assets\icon-$_.png")) }
$Sizes = 16, 32, 48, 64, 128, 256
$ms = New-Object IO.MemoryStream; $bw = New-Object IO.BinaryWriter($ms)
$bw.Write([UInt16]0); $bw.Write([UInt16]1); $bw.Write([UInt16]$Pngs.Count)
$offset = 6 + 16 * $Pngs.Count
for ($i = 0; $i -lt $Pngs.Count; $i++) {
    $s = $Sizes[$i]; if ($s -ge 256) { $s = 0 }
    $bw.Write([byte]$s); $bw.Write([byte]$s); $bw.Write([byte]0); $bw.Write([byte]0)
    $bw.Write([UInt16]1); $bw.Write([UInt16]32); $bw.Write([UInt32]$Pngs[$i].Length); $bw.Write([UInt32]$offset)
    $offset += $Pngs[$i].Length
}
foreach ($p in $Pngs) { $bw.Write($p) }
$bw.Flush()
[IO.File]::WriteAllBytes((Join-Path $Root $Ico), $ms.ToArray())

# ---- 5. jpackage: the app-image
# The main launcher is a windows program (no console): double-clicked, it opens no black window, but what it prints
# goes nowhere. So a second launcher, emite-setup.exe, is a console program for the command line (same jar, same
# JVM options: an added launcher inherits what its properties file does not set).
$CliProps = Join-Path $Root "$W\cli-launcher.properties"
Set-Content -Path $CliProps -Value "win-console=true" -Encoding ASCII
$JavaOptions = @(); foreach ($o in $Conf.JAVA_OPTIONS -split ' ') { if ($o) { $JavaOptions += "--java-options"; $JavaOptions += $o } }
Log "jpackage app-image"
Run (Tool jpackage) (@("--type", "app-image", "--dest", $Out, "--name", $Name, "--app-version", $NumVersion,
    "--vendor", $Conf.VENDOR, "--copyright", $Conf.COPYRIGHT, "--description", $Conf.DESCRIPTION, "--icon", $Ico,
    "--runtime-image", "$W\runtime", "--input", "$W\input", "--main-jar", "$Artifact.jar",
    "--main-class", $Conf.MAIN_CLASS, "--add-launcher", "$Artifact=$CliProps") + $JavaOptions)
$Image = "$Out\$Name"; $AppDir = "$Image\app"; $Runtime = "$Image\runtime"

# ---- 6. AppCDS: the runtime's default archive rebuilt with the JDK and JavaFX classes the app loads (a training
# run of the launcher: first window, then demo sign-in). It is valid wherever the app is installed. (JDK 17 ties an
# archive of the app's own classes to absolute jar paths, and a per-user .msi has no install-time step to make one.)
Log "AppCDS training run (first window and demo sign-in)"
# Written under target\ first: JAVA_TOOL_OPTIONS splits on spaces, and "eMite Setup\" has one.
$TrainList = Join-Path $Root "$W\emite.classlist"
$ClassList = Join-Path $Root "$AppDir\emite.classlist"
$env:JAVA_TOOL_OPTIONS = "-XX:DumpLoadedClassList=$TrainList -Demite.probe=demo"
$TrainLog = Join-Path $Root "$W\train.log"
# Through the console launcher: its standard output surely reaches the file (the window launcher's may not).
$p = Start-Process -FilePath (Join-Path $Root "$Image\$Artifact.exe") -RedirectStandardOutput $TrainLog `
    -RedirectStandardError "$TrainLog.err" -NoNewWindow -PassThru -Wait
Remove-Item Env:\JAVA_TOOL_OPTIONS
if (-not (Select-String -Path $TrainLog -Pattern "EMITE_PROBE demo-signed-in" -Quiet)) {
    Get-Content $TrainLog, "$TrainLog.err"
    throw "The training run did not reach the demo sign-in (log above)."
}
Copy-Item $TrainList $ClassList
Log "default CDS archive with the JDK and JavaFX classes"
Run "$Runtime\bin\java.exe" @("-Xshare:dump", "-XX:SharedClassListFile=$ClassList", "-XX:SharedArchiveFile=$Runtime\bin\server\classes.jsa")
Remove-Item "$Runtime\bin\server\classes_nocoops.jsa" -ErrorAction SilentlyContinue

# ---- 7. The .msi: per-user (no administrator rights), Start-menu entry and desktop shortcut, upgrades in place
if ($Types -contains "msi") {
    if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) { throw "WiX Toolset 3.x is needed for the .msi (candle.exe, light.exe on PATH)" }
    Log "jpackage msi"
    Run (Tool jpackage) @("--type", "msi", "--dest", $Out, "--name", $Name, "--app-version", $NumVersion,
        "--vendor", $Conf.VENDOR, "--copyright", $Conf.COPYRIGHT, "--description", $Conf.DESCRIPTION,
        "--app-image", $Image, "--license-file", "LICENSE", "--win-per-user-install", "--win-upgrade-uuid", $Conf.WIN_UPGRADE_UUID,
        "--win-menu", "--win-menu-group", $Conf.WIN_MENU_GROUP, "--win-shortcut", "--win-shortcut-prompt",
        "--win-dir-chooser")
}
Log "done:"
Get-ChildItem $Out
