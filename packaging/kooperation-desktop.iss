; Inno Setup script: a Windows installer for the one-folder build (dist\kooperation-desktop\).
; Build on Windows after packaging/build.sh (or pyinstaller packaging/kooperation-desktop.spec):
;   iscc packaging\kooperation-desktop.iss      ->  dist\KooperationDesktop-Setup-0.1.0.exe
; Installs per user (no administrator rights needed); the data folder (%LOCALAPPDATA%\Kooperation Desktop)
; is never touched by installing, updating or uninstalling.

#define AppName "Kooperation Desktop"
#define AppVersion "0.1.0"
#define AppExe "kooperation-desktop.exe"

[Setup]
AppId={{6B0E2A57-3C4D-4F1B-9E0A-7A9C2B5D8E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=KooperationDesktop-Setup-{#AppVersion}
SetupIconFile=kooperation-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
VersionInfoVersion={#AppVersion}

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\kooperation-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; check the installed program once (opens a database in a temporary folder, makes one PDF)
Filename: "{app}\{#AppExe}"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Selbsttest …"
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
