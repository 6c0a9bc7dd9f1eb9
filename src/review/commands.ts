import { basename } from './dockerfile.ts';
import type { SimpleCommand } from './shell.ts';

/**
 * What a shell command in a RUN does, in the terms the rules need: apt calls and their
 * packages, package removals, dependency installs, compilers.
 */

const APT = new Set(['apt-get', 'apt']);
/** apt-get options whose value is the next word (`-o Dpkg::Options::=…`, `-t bookworm-backports`). */
const APT_OPTIONS_WITH_VALUE = new Set([
  '-o',
  '-c',
  '-t',
  '--option',
  '--config-file',
  '--target-release',
  '--default-release',
]);

export interface AptCall {
  subcommand: string;
  /** Package words (no options, no option values). */
  packages: string[];
  /** Option names: `y` for `-y` (clusters split: `-qy` → q, y), `no-install-recommends` for `--no-install-recommends`. */
  flags: string[];
  /** Values given with `-o`/`--option`. */
  options: string[];
}

/** An `apt-get …` / `apt …` call, read like apt-get reads its command line. */
export function aptCall(command: SimpleCommand): AptCall | undefined {
  if (!APT.has(basename(command.name))) return undefined;
  const flags: string[] = [];
  const options: string[] = [];
  const rest: string[] = [];
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      flags.push(name);
      if (eq < 0 && APT_OPTIONS_WITH_VALUE.has(word)) {
        if (word === '--option') options.push(args[i + 1] ?? '');
        i++;
      } else if (eq >= 0 && name === 'option') options.push(word.slice(eq + 1));
    } else if (/^-q=\d$/.test(word)) {
      flags.push(...Array.from({ length: Number(word.slice(3)) }, () => 'q'));
    } else if (word.startsWith('-') && word.length > 1) {
      flags.push(...word.slice(1).split(''));
      if (APT_OPTIONS_WITH_VALUE.has(word)) {
        if (word === '-o') options.push(args[i + 1] ?? '');
        i++;
      }
    } else rest.push(word);
  }
  const [subcommand = '', ...packages] = rest;
  return { subcommand, packages, flags, options };
}

export function isAptInstall(command: SimpleCommand): boolean {
  return aptCall(command)?.subcommand === 'install';
}

export function isAptUpdate(command: SimpleCommand): boolean {
  return aptCall(command)?.subcommand === 'update';
}

/** Whether the command answers apt's questions itself (DL3014): -y, --yes, --assume-yes, -qq. */
export function aptAssumesYes(call: AptCall): boolean {
  const count = (flag: string) => call.flags.filter((f) => f === flag).length;
  return (
    call.flags.some((f) => f === 'y' || f === 'yes' || f === 'assume-yes' || f === 'force-yes') ||
    count('q') >= 2 ||
    count('quiet') >= 2 ||
    call.options.some((o) => /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(o))
  );
}

/** `--no-install-recommends`, or the same set with `-o` (DL3015). */
export function aptSkipsRecommends(call: AptCall): boolean {
  return (
    call.flags.includes('no-install-recommends') ||
    call.options.some((o) => /^APT::Install-Recommends=(false|0|no)$/i.test(o))
  );
}

/** Package words without a version: not `pkg=1.2`, not `pkg/release`, not a `.deb` file, not a variable. */
export function unpinned(packages: string[]): string[] {
  return packages.filter((p) => !p.includes('=') && !p.includes('/') && !p.endsWith('.deb') && !p.includes('$'));
}

/** `rm -rf /var/lib/apt/lists/*` (any rm of that folder). */
export function removesAptLists(command: SimpleCommand): boolean {
  return basename(command.name) === 'rm' && command.args.some((a) => a.startsWith('/var/lib/apt/lists'));
}

// ── packages that only a build needs ─────────────────────────────────────────

const BUILD_PACKAGES = new Set([
  'build-essential',
  'build-base',
  'gcc',
  'g++',
  'gcc-c++',
  'make',
  'cmake',
  'clang',
  'autoconf',
  'automake',
  'libtool',
  'pkg-config',
  'pkgconf',
  'musl-dev',
  'libc-dev',
  'libc6-dev',
  'linux-headers',
  'golang',
  'golang-go',
  'maven',
  'gradle',
  'cargo',
  'rustc',
]);

/** Packages installed by an apt/apk/yum/dnf command. */
export function installedPackages(command: SimpleCommand): string[] {
  const apt = aptCall(command);
  if (apt) return apt.subcommand === 'install' ? apt.packages : [];
  const name = basename(command.name);
  const [sub, ...rest] = command.args.filter((a) => !a.startsWith('-'));
  if (name === 'apk' && sub === 'add')
    return withoutOptionValues(command.args, ['--virtual', '-t', '--repository', '-X']);
  if ((name === 'yum' || name === 'dnf' || name === 'microdnf') && sub === 'install') return rest;
  return [];
}

function withoutOptionValues(args: string[], withValue: string[]): string[] {
  const out: string[] = [];
  let sawSubcommand = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (withValue.includes(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    if (!sawSubcommand) {
      sawSubcommand = true;
      continue;
    }
    out.push(word);
  }
  return out;
}

/** Packages only a build needs: compilers, make, headers (`*-dev`, `*-devel`). */
export function buildPackages(packages: string[]): string[] {
  return packages.filter((p) => {
    const name = p.split('=')[0] ?? p;
    return BUILD_PACKAGES.has(name) || name.endsWith('-dev') || name.endsWith('-devel');
  });
}

/** `apt-get purge …`, `apt-get autoremove`, `apk del …`: packages taken out again in the same RUN. */
export function removesPackages(command: SimpleCommand): boolean {
  const apt = aptCall(command);
  if (apt) return ['purge', 'remove', 'autoremove'].includes(apt.subcommand);
  const name = basename(command.name);
  const sub = command.args.find((a) => !a.startsWith('-'));
  return (name === 'apk' && sub === 'del') || (['yum', 'dnf'].includes(name) && sub === 'remove');
}

/** A compile or bundle step: its toolchain has to be in the image that runs it. */
export function buildStep(command: SimpleCommand): string | undefined {
  const name = basename(command.name);
  const words = command.args.filter((a) => !a.startsWith('-'));
  const [first, second] = words;
  if (name === 'go' && (first === 'build' || first === 'install')) return `go ${first}`;
  if (name === 'cargo' && (first === 'build' || first === 'install')) return `cargo ${first}`;
  if ((name === 'mvn' || name === 'mvnw') && words.some((w) => ['package', 'install', 'verify', 'compile'].includes(w)))
    return 'mvn package';
  if (
    (name === 'gradle' || name === 'gradlew') &&
    words.some((w) => ['build', 'assemble', 'bootJar', 'jar'].includes(w))
  )
    return 'gradle build';
  if (['npm', 'yarn', 'pnpm'].includes(name) && ((first === 'run' && second === 'build') || first === 'build'))
    return `${name} run build`;
  if (name === 'dotnet' && (first === 'publish' || first === 'build')) return `dotnet ${first}`;
  if (name === 'tsc') return 'tsc';
  if (name === 'make' || name === 'gcc' || name === 'g++' || name === 'cc') return name;
  return undefined;
}

// ── dependency installs (DH001) ──────────────────────────────────────────────

export interface DependencyInstall {
  tool: string;
  /** The files the install reads: copy these alone before it. */
  manifests: string[];
}

/** An install driven by a manifest (package.json, requirements.txt…): cacheable when only the manifest is copied first. */
export function dependencyInstall(command: SimpleCommand): DependencyInstall | undefined {
  const name = basename(command.name);
  const args = command.args;
  const words = args.filter((a) => !a.startsWith('-'));
  const [first, second] = words;
  if (name === 'npm' && (first === 'ci' || ((first === 'install' || first === 'i') && words.length === 1)))
    return { tool: 'npm', manifests: ['package.json', 'package-lock.json'] };
  if (name === 'yarn' && (first === undefined || (first === 'install' && words.length === 1)))
    return { tool: 'yarn', manifests: ['package.json', 'yarn.lock'] };
  if (name === 'pnpm' && (first === 'install' || first === 'i') && words.length === 1)
    return { tool: 'pnpm', manifests: ['package.json', 'pnpm-lock.yaml'] };
  const pip =
    /^pip[0-9.]*$/.test(name) || (/^python[0-9.]*$/.test(name) && args[0] === '-m' && /^pip/.test(args[1] ?? ''));
  if (pip && args.includes('install')) {
    const files = requirementFiles(args);
    if (files.length) return { tool: 'pip', manifests: files };
  }
  if (name === 'pipenv' && first === 'install') return { tool: 'pipenv', manifests: ['Pipfile', 'Pipfile.lock'] };
  if (name === 'poetry' && first === 'install') return { tool: 'poetry', manifests: ['pyproject.toml', 'poetry.lock'] };
  if (name === 'bundle' && (first === 'install' || first === undefined))
    return { tool: 'bundle', manifests: ['Gemfile', 'Gemfile.lock'] };
  if (name === 'composer' && first === 'install')
    return { tool: 'composer', manifests: ['composer.json', 'composer.lock'] };
  if (name === 'go' && ((first === 'mod' && second === 'download') || first === 'get'))
    return { tool: 'go', manifests: ['go.mod', 'go.sum'] };
  if ((name === 'mvn' || name === 'mvnw') && words.some((w) => w.startsWith('dependency:')))
    return { tool: 'maven', manifests: ['pom.xml'] };
  if (name === 'cargo' && first === 'fetch') return { tool: 'cargo', manifests: ['Cargo.toml', 'Cargo.lock'] };
  return undefined;
}

function requirementFiles(args: string[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '-r' || word === '--requirement') files.push(args[i + 1] ?? 'requirements.txt');
    else if (word.startsWith('--requirement=')) files.push(word.slice('--requirement='.length));
    else if (word.startsWith('-r') && word.length > 2) files.push(word.slice(2));
  }
  return files;
}
