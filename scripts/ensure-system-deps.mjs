#!/usr/bin/env node
// Makes sure the system packages the project needs are present: Java 17+ (DynamoDB Local) and, for
// the test command, Debian's chromium (browser tests). Installs them with apt-get when it can
// (Debian, root); otherwise stops with one line that says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wantChromium = process.argv.includes('--chromium');

function javaMajor() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 0;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return 0;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
let aptUpdated = false;
function aptInstall(pkgs) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function need(what, ok, pkgs, hint) {
  if (ok()) return;
  if (canApt) {
    console.error(`[setup] installing ${pkgs.join(' ')} (${what}) with apt-get…`);
    try {
      aptInstall(pkgs);
    } catch {
      /* fall through to the clear message below */
    }
    if (ok()) return;
  }
  console.error(`[setup] missing ${what}: ${hint}`);
  process.exit(1);
}

need('Java 17+ for DynamoDB Local', () => javaMajor() >= 17, ['openjdk-17-jre-headless'], 'install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless) and put `java` on PATH');
if (wantChromium) {
  need('Chromium for browser tests', () => existsSync('/usr/bin/chromium'), ['chromium'], 'install Debian chromium (apt-get install chromium) so /usr/bin/chromium exists');
}
