import { CHROMIUM_BROWSERS, type ChromiumBrowser } from './browsers';
import { integerRange, type PolicyKey, type PolicyValues } from './schema';
import { crlf, oneLine } from './text';

/*
 * Install-TechnicianTools.ps1: force-installs the extension in Chrome and Edge (ExtensionInstallForcelist) and writes
 * its policy, as desired state: run it again and nothing changes. Windows PowerShell 5.1 and PowerShell 7 alike. The
 * parameters come from the schema; everything else is fixed text below.
 */

/**
 * Names a policy key's parameter never takes (it gets "Policy" in front): the script's own parameters and top-level
 * variables, PowerShell's common parameters and its automatic variables.
 */
const FIXED_PARAMETERS = [
  'Browsers',
  'ExtensionId',
  'ChromeUpdateUrl',
  'EdgeUpdateUrl',
  'Remove',
  'Test',
  'Method',
  'ParameterValues',
  'PolicyKeys',
  'BrowserTable',
  'InImmyBot',
  'SelectedBrowsers',
  'PolicyWrites',
  'PolicySummary',
  'Result',
];
const AUTOMATIC_VARIABLES = [
  'Args',
  'ConsoleFileName',
  'Error',
  'Event',
  'EventArgs',
  'EventSubscriber',
  'ExecutionContext',
  'False',
  'ForEach',
  'Home',
  'Host',
  'Input',
  'IsCoreCLR',
  'IsLinux',
  'IsMacOS',
  'IsWindows',
  'LastExitCode',
  'Matches',
  'MyInvocation',
  'NestedPromptLevel',
  'Null',
  'PID',
  'Profile',
  'PSBoundParameters',
  'PSCmdlet',
  'PSCommandPath',
  'PSCulture',
  'PSDebugContext',
  'PSHome',
  'PSItem',
  'PSScriptRoot',
  'PSSenderInfo',
  'PSUICulture',
  'PSVersionTable',
  'Pwd',
  'Sender',
  'ShellId',
  'StackTrace',
  'Switch',
  'This',
  'True',
];
const COMMON_PARAMETERS = [
  'Verbose',
  'Debug',
  'ErrorAction',
  'WarningAction',
  'InformationAction',
  'ErrorVariable',
  'WarningVariable',
  'InformationVariable',
  'OutVariable',
  'OutBuffer',
  'PipelineVariable',
  'WhatIf',
  'Confirm',
  'ProgressAction',
];
/** The product word a key may start with, dropped from its parameter: immybotInstance is -Instance. */
const PRODUCT_WORDS = ['immybot', 'halo'];

/** The parameter that sets `key`: immybotInstance → Instance, integrationId → IntegrationId, haloSites → Sites. */
export function parameterName(key: string): string {
  let name = key;
  for (const word of PRODUCT_WORDS) {
    const rest = name.slice(word.length);
    if (name.toLowerCase().startsWith(word) && /^[A-Z]/.test(rest)) name = rest;
  }
  name = name[0].toUpperCase() + name.slice(1);
  const taken = [...FIXED_PARAMETERS, ...COMMON_PARAMETERS, ...AUTOMATIC_VARIABLES].some(
    (p) => p.toLowerCase() === name.toLowerCase(),
  );
  return taken ? `Policy${name}` : name;
}

/** Every key's parameter; two keys that would share one are refused. */
export function parameterNames(keys: readonly PolicyKey[]): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const key of keys) {
    const name = parameterName(key.name);
    const other = seen.get(name.toLowerCase());
    if (other) throw new Error(`Policy keys ${other} and ${key.name} would both be the script's -${name}`);
    seen.set(name.toLowerCase(), key.name);
    names.set(key.name, name);
  }
  return names;
}

/** A PowerShell single-quoted string; PowerShell also ends such a string at a typographic single quote. */
export const psQuote = (text: string) => `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;

/** Text for comment-based help: nothing that closes the comment block. */
const helpText = (text: string) => text.replace(/#>/g, '# >');

/** A value on a command line: bare where PowerShell reads it as one word, quoted otherwise. */
function argument(value: string | number | boolean | (string | number | boolean)[]): string {
  const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
  return /^[\w.:/,-]+$/.test(text) ? text : psQuote(text);
}

/** `-Instance acme -IntegrationId 619 -Sites acme.halopsa.com -Show page`: the values as the script's arguments. */
export function scriptArguments(keys: readonly PolicyKey[], values: PolicyValues): string {
  const names = parameterNames(keys);
  return keys
    .filter((key) => values[key.name] !== undefined)
    .map((key) => `-${names.get(key.name)} ${argument(values[key.name])}`)
    .join(' ');
}

const typeWords = (key: PolicyKey) => {
  const scalar = (type: string) =>
    type === 'integer'
      ? 'a whole number'
      : type === 'number'
        ? 'a number'
        : type === 'boolean'
          ? 'true or false'
          : 'text';
  if (key.type === 'list')
    return `a list of ${scalar(key.item ?? 'string')} values, separated by commas (-${parameterName(key.name)} a,b) or one per line`;
  if (key.allowed) return `one of ${key.allowed.join(', ')}`;
  if (key.type === 'integer') {
    const [min, max] = integerRange(key);
    return `a whole number from ${min} to ${max}`;
  }
  return scalar(key.type);
};

export interface ScriptOptions {
  extensionId: string;
  /** The update URL the force-install entry names, per browser (default: the browser's store). */
  updateUrls?: Partial<Record<ChromiumBrowser['id'], string>>;
}

/** The script's text (CRLF; save it as UTF-8 with a byte-order mark so Windows PowerShell 5.1 reads it as UTF-8). */
export function installScript(keys: readonly PolicyKey[], values: PolicyValues, options: ScriptOptions): string {
  const names = parameterNames(keys);
  const { extensionId } = options;
  const updateUrl = (browser: ChromiumBrowser) => options.updateUrls?.[browser.id] ?? browser.storeUpdateUrl;
  const example = scriptArguments(keys, values);

  const help = keys.map(
    (key) =>
      `.PARAMETER ${names.get(key.name)}\n${helpText(oneLine(`${key.title}: ${key.description}`))}\nPolicy key ${key.name}; ${typeWords(key)}.`,
  );
  const params = keys.map((key) => {
    const name = names.get(key.name) as string;
    const alias = name.toLowerCase() === key.name.toLowerCase() ? '' : `  [Alias(${psQuote(key.name)})]\n`;
    return `  # ${helpText(oneLine(key.title))} (${key.name})\n${alias}  [${key.type === 'list' ? 'string[]' : 'string'}]$${name},`;
  });
  const rows = keys.map((key) => {
    const [min, max] = key.type === 'integer' ? integerRange(key) : [0, 0];
    const allowed = (key.allowed ?? []).map(psQuote).join(', ');
    return `  @{ Key = ${psQuote(key.name)}; Parameter = ${psQuote(names.get(key.name) as string)}; Type = ${psQuote(key.type)}; ItemType = ${psQuote(key.item ?? '')}; Allowed = @(${allowed}); Min = ${min}; Max = ${max} }`;
  });
  const browsers = CHROMIUM_BROWSERS.map(
    (browser) =>
      `  ${browser.short} = @{ Name = ${psQuote(browser.name)}; Key = ${psQuote(browser.registryKey)}; UpdateUrl = $${browser.short}UpdateUrl }`,
  );

  return crlf(`<#
.SYNOPSIS
Force-installs ImmyBot Technician Tools for HaloPSA in Google Chrome and Microsoft Edge and sets its policy.

.DESCRIPTION
Generated by npm run rollout-kit from public/managed_schema.json for extension ${extensionId}.
Regenerate it rather than edit it: a new policy key becomes a new parameter.

For each browser in -Browsers it:
- lists the extension in ExtensionInstallForcelist (HKLM\\<browser key>\\ExtensionInstallForcelist) as
  "<extension id>;<update URL>", next to whatever else is listed there;
- writes the extension's policy to HKLM\\<browser key>\\3rdparty\\extensions\\<extension id>\\policy: exactly the
  values given. A policy value not given is removed; with no policy value given at all the policy is left alone.
-Remove takes both away again. The browser keys are ${CHROMIUM_BROWSERS.map((b) => `${b.registryKey} (${b.short})`).join(' and ')}.

Desired state: what is already in place is not touched, so it can run on every check-in.
It writes through the 64-bit registry view, also when started from 32-bit PowerShell.

Exit codes (for an RMM):
  0  in place: changed now, or already so
  1  not in place (-Test only: nothing was changed)
  2  a parameter value was refused (the message says which)
  3  needs administrator rights: run as SYSTEM or from an elevated PowerShell
  4  could not read or write the registry, or not Windows

In ImmyBot (a combined task script, "Use Script Param Block"), ImmyBot passes -Method: "test" returns $true when
everything is in place, "set" writes it, "get" returns what is there; a failure is thrown with its message.

${help.join('\n\n')}

.PARAMETER Browsers
Chrome, Edge, or both (the default): -Browsers Chrome,Edge.

.PARAMETER ExtensionId
The extension's Chrome/Edge id (32 letters a-p). Default: ${extensionId}, the id this script was generated for.

.PARAMETER ChromeUpdateUrl
Where Chrome installs the extension from. Default: ${updateUrl(CHROMIUM_BROWSERS[0])}.

.PARAMETER EdgeUpdateUrl
Where Edge installs the extension from. Default: ${updateUrl(CHROMIUM_BROWSERS[1])}.

.PARAMETER Remove
Takes the extension off the force-install list and deletes its policy, in the browsers given.

.PARAMETER Test
Changes nothing: exit 0 when everything is in place, 1 when not (an Intune remediation's detection script).

.PARAMETER Method
Set by ImmyBot: test, set or get. Leave it out elsewhere.

.EXAMPLE
.\\Install-TechnicianTools.ps1 ${example}

.EXAMPLE
powershell.exe -NoProfile -ExecutionPolicy Bypass -File Install-TechnicianTools.ps1 ${example} -Test

.EXAMPLE
.\\Install-TechnicianTools.ps1 -Browsers Edge -Remove
#>
[CmdletBinding()]
param(
${params.join('\n')}
  # Chrome, Edge or both.
  [string[]]$Browsers = @('Chrome', 'Edge'),
  [string]$ExtensionId = ${psQuote(extensionId)},
  [string]$ChromeUpdateUrl = ${psQuote(updateUrl(CHROMIUM_BROWSERS[0]))},
  [string]$EdgeUpdateUrl = ${psQuote(updateUrl(CHROMIUM_BROWSERS[1]))},
  [switch]$Remove,
  [switch]$Test,
  # ImmyBot's combined script: test, set or get.
  [string]$Method
)

# The policy parameters by name, taken before anything else can share a name with one.
$ParameterValues = @{ ${keys.map((key) => `${names.get(key.name)} = $${names.get(key.name)}`).join('; ')} }

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# One row per key of public/managed_schema.json: the parameter that sets it and what Chromium expects.
$PolicyKeys = @(
${rows.join('\n')}
)

$BrowserTable = @{
${browsers.join('\n')}
}

$InImmyBot = -not [string]::IsNullOrWhiteSpace($Method)

# A refused value: exit code 2 (or, in ImmyBot, a thrown message).
function Stop-Invalid([string]$Message) {
  $exception = New-Object System.ArgumentException $Message
  $exception.Data['TechnicianToolsInvalid'] = $true
  throw $exception
}

# "a,b" (powershell.exe -File passes a list as one string), one per line, or a real array: the entries, trimmed.
function Split-Values($Items) {
  $result = New-Object System.Collections.Generic.List[string]
  foreach ($item in @($Items)) {
    if ($null -eq $item) { continue }
    foreach ($part in ([string]$item -split '[,\\r\\n]+')) {
      if ($part.Trim() -ne '') { $result.Add($part.Trim()) }
    }
  }
  return ,$result.ToArray()
}

# One value as Chromium reads it: REG_DWORD for integers and booleans, REG_SZ otherwise.
function ConvertTo-RegistryData([string]$Type, [string]$Text, $Row) {
  $value = $Text.Trim()
  $name = '-' + $Row.Parameter
  switch ($Type) {
    'integer' {
      if ($value -notmatch '^-?[0-9]{1,10}$') { Stop-Invalid "$name $Text is not a whole number." }
      $number = [long]$value
      if ($number -lt $Row.Min -or $number -gt $Row.Max) {
        Stop-Invalid "$name $Text is not between $($Row.Min) and $($Row.Max)."
      }
      return @{ Kind = 'DWord'; Data = [int]$number }
    }
    'number' {
      $number = 0.0
      $styles = [Globalization.NumberStyles]::Float
      $invariant = [Globalization.CultureInfo]::InvariantCulture
      if (-not [double]::TryParse($value, $styles, $invariant, [ref]$number)) { Stop-Invalid "$name $Text is not a number." }
      return @{ Kind = 'String'; Data = $number.ToString('R', $invariant) }
    }
    'boolean' {
      if (@('true', '1', 'yes', '$true') -contains $value) { return @{ Kind = 'DWord'; Data = 1 } }
      if (@('false', '0', 'no', '$false') -contains $value) { return @{ Kind = 'DWord'; Data = 0 } }
      Stop-Invalid "$name $Text is not true or false."
    }
    default {
      if ($Row.Allowed.Count -gt 0) {
        $match = @($Row.Allowed | Where-Object { $_ -eq $value })
        if ($match.Count -eq 0) { Stop-Invalid "$name $Text is not one of: $($Row.Allowed -join ', ')." }
        # The schema's own spelling: Chromium compares allowed values exactly.
        $value = $match[0]
      }
      return @{ Kind = 'String'; Data = $value }
    }
  }
}

# The policy the parameters describe: one entry per registry value, a list's entries in its subkey as 1, 2, 3...
function Get-DesiredPolicy {
  $writes = New-Object System.Collections.Generic.List[object]
  foreach ($row in $PolicyKeys) {
    $raw = $ParameterValues[$row.Parameter]
    if ($row.Type -eq 'list') {
      $items = Split-Values $raw
      for ($i = 0; $i -lt $items.Count; $i++) {
        $data = ConvertTo-RegistryData $row.ItemType $items[$i] $row
        $writes.Add(@{ Key = $row.Key; SubKey = $row.Key; Name = [string]($i + 1); Kind = $data.Kind; Data = $data.Data })
      }
    } elseif ($null -ne $raw -and ([string]$raw).Trim() -ne '') {
      $data = ConvertTo-RegistryData $row.Type ([string]$raw) $row
      $writes.Add(@{ Key = $row.Key; SubKey = ''; Name = $row.Key; Kind = $data.Kind; Data = $data.Data })
    }
  }
  return ,$writes.ToArray()
}

# A key's content as lines ("sub\\" for a subkey, "sub\\:name=Kind:data" for a value), to compare with what is wanted.
function Read-Registry($Hklm, [string]$Path, [string]$Relative) {
  $lines = New-Object System.Collections.Generic.List[string]
  $key = $Hklm.OpenSubKey($Path)
  if ($null -eq $key) { return ,$lines.ToArray() }
  try {
    foreach ($name in $key.GetValueNames()) {
      $kind = $key.GetValueKind($name)
      $data = $key.GetValue($name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
      if ($data -is [array]) { $data = $data -join '|' }
      $lines.Add(('{0}:{1}={2}:{3}' -f $Relative, $name, $kind, $data))
    }
    foreach ($sub in $key.GetSubKeyNames()) {
      $lines.Add("$Relative$sub\\")
      foreach ($line in (Read-Registry $Hklm "$Path\\$sub" "$Relative$sub\\")) { $lines.Add($line) }
    }
  } finally {
    $key.Close()
  }
  return ,$lines.ToArray()
}

function Format-Writes($Writes) {
  $lines = New-Object System.Collections.Generic.List[string]
  $subKeys = @{}
  foreach ($write in $Writes) {
    $relative = ''
    if ($write.SubKey -ne '') {
      $relative = $write.SubKey + '\\'
      if (-not $subKeys.ContainsKey($write.SubKey)) {
        $subKeys[$write.SubKey] = $true
        $lines.Add($relative)
      }
    }
    $lines.Add(('{0}:{1}={2}:{3}' -f $relative, $write.Name, $write.Kind, $write.Data))
  }
  return ,$lines.ToArray()
}

function Test-SameLines($A, $B) {
  $x = [string[]]@($A | Where-Object { $null -ne $_ })
  $y = [string[]]@($B | Where-Object { $null -ne $_ })
  [Array]::Sort($x, [StringComparer]::Ordinal)
  [Array]::Sort($y, [StringComparer]::Ordinal)
  return (($x -join "\`n") -ceq ($y -join "\`n"))
}

function Test-Key($Hklm, [string]$Path) {
  $key = $Hklm.OpenSubKey($Path)
  if ($null -eq $key) { return $false }
  $key.Close()
  return $true
}

# This extension's entries in a force-install list: "<id>;<url>" or a bare "<id>".
function Get-ForcelistEntries($Hklm, [string]$Path) {
  $found = New-Object System.Collections.Generic.List[object]
  $key = $Hklm.OpenSubKey($Path)
  if ($null -eq $key) { return ,$found.ToArray() }
  try {
    foreach ($name in $key.GetValueNames()) {
      $data = [string]$key.GetValue($name)
      if (($data -split ';', 2)[0].Trim() -eq $ExtensionId) { $found.Add(@{ Name = $name; Data = $data }) }
    }
  } finally {
    $key.Close()
  }
  return ,$found.ToArray()
}

# The next free number in a list key (Chromium reads every numeric name, gaps included).
function Get-NextListName($Hklm, [string]$Path) {
  $highest = 0
  $key = $Hklm.OpenSubKey($Path)
  if ($null -ne $key) {
    try {
      foreach ($name in $key.GetValueNames()) {
        $number = 0
        if ([int]::TryParse($name, [ref]$number) -and $number -gt $highest) { $highest = $number }
      }
    } finally {
      $key.Close()
    }
  }
  return [string]($highest + 1)
}

# What has to change, per browser; empty when everything is in place.
function Get-Plan($Hklm) {
  $plan = New-Object System.Collections.Generic.List[object]
  foreach ($browserName in $SelectedBrowsers) {
    $browser = $BrowserTable[$browserName]
    $forcelistPath = $browser.Key + '\\ExtensionInstallForcelist'
    $extensionPath = $browser.Key + '\\3rdparty\\extensions\\' + $ExtensionId
    $policyPath = $extensionPath + '\\policy'
    $entries = Get-ForcelistEntries $Hklm $forcelistPath
    $entryNames = @($entries | ForEach-Object { $_.Name })
    if ($Remove) {
      if ($entries.Count -gt 0) {
        $plan.Add(@{ Browser = $browserName; Action = 'RemoveForcelist'; Path = $forcelistPath; Names = $entryNames; Say = 'take the extension off ExtensionInstallForcelist' })
      }
      if (Test-Key $Hklm $extensionPath) {
        $plan.Add(@{ Browser = $browserName; Action = 'RemovePolicy'; Path = $extensionPath; Say = 'delete the extension''s policy' })
      }
      continue
    }
    $wanted = $ExtensionId + ';' + $browser.UpdateUrl
    if (-not ($entries.Count -eq 1 -and $entries[0].Data -ceq $wanted)) {
      $target = Get-NextListName $Hklm $forcelistPath
      if ($entryNames.Count -gt 0) { $target = $entryNames[0] }
      $plan.Add(@{ Browser = $browserName; Action = 'Forcelist'; Path = $forcelistPath; Names = $entryNames; Name = $target; Data = $wanted; Say = "force-install: ExtensionInstallForcelist\\$target = $wanted" })
    }
    if ($PolicyWrites.Count -gt 0) {
      $actual = Read-Registry $Hklm $policyPath ''
      if (-not (Test-SameLines $actual (Format-Writes $PolicyWrites))) {
        $plan.Add(@{ Browser = $browserName; Action = 'Policy'; Path = $policyPath; Say = "policy: $PolicySummary" })
      }
    }
  }
  return ,$plan.ToArray()
}

function Write-Policy($Hklm, [string]$Path) {
  $Hklm.DeleteSubKeyTree($Path, $false)
  $key = $Hklm.CreateSubKey($Path)
  try {
    foreach ($write in $PolicyWrites) {
      $target = $key
      if ($write.SubKey -ne '') { $target = $key.CreateSubKey($write.SubKey) }
      try {
        $target.SetValue($write.Name, $write.Data, [Microsoft.Win32.RegistryValueKind]$write.Kind)
      } finally {
        if ($write.SubKey -ne '') { $target.Close() }
      }
    }
  } finally {
    $key.Close()
  }
}

function Invoke-Plan($Hklm, $Plan) {
  foreach ($step in $Plan) {
    switch ($step.Action) {
      'Forcelist' {
        $key = $Hklm.CreateSubKey($step.Path)
        try {
          foreach ($name in $step.Names) { $key.DeleteValue($name, $false) }
          $key.SetValue($step.Name, $step.Data, [Microsoft.Win32.RegistryValueKind]::String)
        } finally {
          $key.Close()
        }
      }
      'Policy' { Write-Policy $Hklm $step.Path }
      'RemoveForcelist' {
        $key = $Hklm.OpenSubKey($step.Path, $true)
        if ($null -ne $key) {
          try {
            foreach ($name in $step.Names) { $key.DeleteValue($name, $false) }
          } finally {
            $key.Close()
          }
        }
      }
      'RemovePolicy' { $Hklm.DeleteSubKeyTree($step.Path, $false) }
    }
    Write-Host ('{0}: {1}' -f $step.Browser, $step.Say)
  }
}

function Test-Administrator {
  $principal = New-Object Security.Principal.WindowsPrincipal ([Security.Principal.WindowsIdentity]::GetCurrent())
  return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Invoke-TechnicianTools {
  if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT) {
    return @{ Code = 4; Message = 'This script writes the Windows registry: run it on Windows.' }
  }
  $mode = 'set'
  if ($InImmyBot) {
    $mode = $Method.Trim().ToLowerInvariant()
    if (@('test', 'set', 'get') -notcontains $mode) { Stop-Invalid "-Method $Method is not test, set or get." }
  }
  if ($Test) { $mode = 'test' }

  $script:SelectedBrowsers = @()
  foreach ($name in (Split-Values $Browsers)) {
    $known = @($BrowserTable.Keys | Where-Object { $_ -eq $name })
    if ($known.Count -eq 0) { Stop-Invalid "-Browsers $name is not Chrome or Edge." }
    if ($script:SelectedBrowsers -notcontains $known[0]) { $script:SelectedBrowsers += $known[0] }
  }
  if ($script:SelectedBrowsers.Count -eq 0) { Stop-Invalid '-Browsers names no browser: Chrome, Edge or both.' }
  if ($ExtensionId -cnotmatch '^[a-p]{32}$') { Stop-Invalid "-ExtensionId $ExtensionId is not an extension id (32 letters a-p)." }
  foreach ($name in $script:SelectedBrowsers) {
    $url = $BrowserTable[$name].UpdateUrl
    if ($url -notmatch '^https?://[^\\s;]+$') { Stop-Invalid "-$($name)UpdateUrl $url is not an http(s) address." }
  }

  $script:PolicyWrites = @()
  if (-not $Remove) { $script:PolicyWrites = Get-DesiredPolicy }
  $script:PolicySummary = (@($PolicyKeys | ForEach-Object {
        $row = $_
        $parts = @($script:PolicyWrites | Where-Object { $_.Key -eq $row.Key } | ForEach-Object { [string]$_.Data })
        if ($parts.Count -gt 0) { '{0}={1}' -f $row.Key, ($parts -join ',') }
      }) -join ', ')
  if ($script:PolicyWrites.Count -eq 0 -and -not $Remove) { Write-Host 'No policy value given: the policy is left as it is.' }

  $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
  try {
    if ($mode -eq 'get') {
      $state = [ordered]@{}
      foreach ($name in $script:SelectedBrowsers) {
        $browser = $BrowserTable[$name]
        $entries = Get-ForcelistEntries $hklm ($browser.Key + '\\ExtensionInstallForcelist')
        $policy = Read-Registry $hklm ($browser.Key + '\\3rdparty\\extensions\\' + $ExtensionId + '\\policy') ''
        $state[$name] = [ordered]@{ Forcelist = @($entries | ForEach-Object { $_.Data }); Policy = $policy }
      }
      return @{ Code = 0; State = $state }
    }
    $plan = Get-Plan $hklm
    if ($plan.Count -eq 0) {
      Write-Host "In place for $($script:SelectedBrowsers -join ' and '): nothing to change."
      return @{ Code = 0 }
    }
    if ($mode -eq 'test') {
      foreach ($step in $plan) { Write-Host ('Not in place: {0}: would {1}' -f $step.Browser, $step.Say) }
      return @{ Code = 1 }
    }
    if (-not (Test-Administrator)) {
      return @{ Code = 3; Message = 'Writing HKLM needs administrator rights: run as SYSTEM or from an elevated PowerShell.' }
    }
    Invoke-Plan $hklm $plan
    $left = Get-Plan $hklm
    if ($left.Count -gt 0) {
      return @{ Code = 4; Message = 'Still not in place after writing: ' + (@($left | ForEach-Object { $_.Browser + ': ' + $_.Say }) -join '; ') }
    }
    Write-Host "Done: in place for $($script:SelectedBrowsers -join ' and ')."
    return @{ Code = 0 }
  } finally {
    $hklm.Close()
  }
}

try {
  # The last thing it returns: nothing else it calls writes to the pipeline, and this keeps it so.
  $result = @(Invoke-TechnicianTools)[-1]
} catch {
  $exception = $_.Exception
  if ($exception.Data.Contains('TechnicianToolsInvalid')) {
    $result = @{ Code = 2; Message = $exception.Message }
  } else {
    $result = @{ Code = 4; Message = $exception.Message }
  }
}

if ($InImmyBot) {
  if ($result.Code -ge 2) { throw $result.Message }
  if ($Test -or $Method.Trim() -eq 'test') { return ($result.Code -eq 0) }
  if ($Method.Trim() -eq 'get') { return $result.State }
  return
}
if ($result.Code -ge 2) { [Console]::Error.WriteLine('Error: ' + $result.Message) }
exit $result.Code
`);
}
