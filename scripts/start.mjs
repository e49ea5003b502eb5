#!/usr/bin/env node
// npm start: runs the webpack dev server for the Planstöd task pane and explains how to sideload it.
// npm stop (node scripts/start.mjs --stop): stops a dev server started by npm start.
//
// The dev server's pid is kept in <os.tmpdir()>/planstod-dev-server.pid while it runs.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PID_FILE = join(os.tmpdir(), "planstod-dev-server.pid");
const PORT = 3000;
const READY_TIMEOUT_MS = 180_000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function readPidFile() {
  try {
    const data = JSON.parse(readFileSync(PID_FILE, "utf8"));
    return Number.isInteger(data.pid) && data.pid > 0 ? data : undefined;
  } catch {
    return undefined;
  }
}

function removePidFile(pid) {
  if (readPidFile()?.pid === pid) rmSync(PID_FILE, { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** On Linux, make sure a recorded pid still belongs to a webpack process before signalling it. */
function looksLikeDevServer(pid) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (process.platform !== "linux" || !existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, "utf8").includes("webpack");
  } catch {
    return true;
  }
}

function runningServer() {
  const data = readPidFile();
  if (!data) return undefined;
  if (isAlive(data.pid) && looksLikeDevServer(data.pid)) return data;
  rmSync(PID_FILE, { force: true }); // stale
  return undefined;
}

async function stop() {
  const server = runningServer();
  if (!server) {
    console.log("No Planstöd dev server is running (nothing to stop).");
    return 0;
  }
  console.log(`Stopping the Planstöd dev server (pid ${server.pid})...`);
  process.kill(server.pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && isAlive(server.pid); waited += 200) await sleep(200);
  if (isAlive(server.pid)) {
    console.log("It did not exit after SIGTERM; sending SIGKILL.");
    process.kill(server.pid, "SIGKILL");
  }
  rmSync(PID_FILE, { force: true });
  console.log("Stopped.");
  return 0;
}

function canConnect(port) {
  return new Promise((done) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/** True when the server on `port` speaks TLS. Only a handshake; the certificate is not checked. */
function speaksTls(port) {
  return new Promise((done) => {
    const socket = tls.connect({
      host: "localhost",
      port,
      servername: "localhost",
      rejectUnauthorized: false,
    });
    socket.setTimeout(3000, () => {
      socket.destroy();
      done(false);
    });
    socket.once("secureConnect", () => {
      socket.end();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/** GET the page; webpack-dev-middleware holds the response until the first compilation is done. */
function fetchStatus(url) {
  return new Promise((done) => {
    const client = url.startsWith("https:") ? https : http;
    const request = client.get(url, { rejectUnauthorized: false, timeout: READY_TIMEOUT_MS }, (response) => {
      response.resume();
      done(response.statusCode);
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => done(undefined));
  });
}

function sideloadInstructions(url, secure) {
  const manifest = join(repoRoot, "manifest.xml");
  const wef = "~/Library/Containers/com.microsoft.Word/Data/Documents/wef";
  const lines = [
    "",
    `Planstöd dev server: ${url}taskpane.html`,
    "",
    `Sideload the add-in with ${manifest}:`,
    "",
    "  Word on the web",
    "    1. Open a document in Word on the web (https://www.office.com).",
    "    2. Insert → Add-ins → Upload My Add-in (newer ribbons: Home → Add-ins → More Add-ins →",
    "       My Add-ins → Upload My Add-in).",
    "    3. Choose manifest.xml and select Upload. Planstöd appears on the Home tab.",
    "",
    "  Word on Windows (shared-folder catalog)",
    "    1. Share a folder (e.g. C:\\AddinManifests as \\\\<computer>\\AddinManifests); copy manifest.xml into it.",
    "    2. File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs: add the",
    '       \\\\<computer>\\AddinManifests path, tick "Show in Menu", select OK and restart Word.',
    "    3. Home → Add-ins → More Add-ins (or Insert → My Add-ins) → SHARED FOLDER → Planstöd → Add.",
    "",
    "  Word on Mac",
    `    1. mkdir -p ${wef} && cp manifest.xml ${wef}/`,
    "    2. Restart Word, open a document, then Home → Add-ins (or Insert → My Add-ins) → Planstöd.",
    "",
  ];
  if (secure) {
    lines.push(
      "  Word must trust the localhost certificate. If the pane stays blank, run",
      "  `npx office-addin-dev-certs install` once and restart Word.",
    );
  } else {
    lines.push(
      "  WARNING: the server runs over plain HTTP, which Word refuses to load. Install the development",
      "  certificates (`npx office-addin-dev-certs install`) and run npm start again.",
    );
  }
  lines.push("", "Stop the server with Ctrl+C here or `npm stop` in another terminal.", "");
  return lines.join("\n");
}

async function announceWhenReady(child) {
  for (let waited = 0; waited < READY_TIMEOUT_MS; waited += 500) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (await canConnect(PORT)) {
      const secure = await speaksTls(PORT);
      const url = `${secure ? "https" : "http"}://localhost:${PORT}/`;
      const status = await fetchStatus(`${url}taskpane.html`);
      if (status !== 200) console.warn(`GET ${url}taskpane.html answered ${status ?? "nothing"}.`);
      console.log(sideloadInstructions(url, secure));
      return;
    }
    await sleep(500);
  }
  console.warn(`The dev server did not open port ${PORT} within ${READY_TIMEOUT_MS / 1000} s.`);
}

function start() {
  const running = runningServer();
  if (running) {
    console.error(`A Planstöd dev server is already running (pid ${running.pid}). Run \`npm stop\` first.`);
    return Promise.resolve(1);
  }

  const webpackCli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
  console.log("Starting the Planstöd dev server: webpack serve --mode development");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  writeFileSync(
    PID_FILE,
    JSON.stringify({
      pid: child.pid,
      launcher: process.pid,
      cwd: repoRoot,
      startedAt: new Date().toISOString(),
    }),
  );

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }

  void announceWhenReady(child);

  return new Promise((done) => {
    child.on("error", (error) => {
      console.error(`Could not start webpack: ${error.message}`);
      removePidFile(child.pid);
      done(1);
    });
    child.on("exit", (code, signal) => {
      removePidFile(child.pid);
      done(code ?? (signal ? 0 : 1));
    });
  });
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log("Usage: node scripts/start.mjs [--stop]");
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== "--stop");
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(" ")}. Usage: node scripts/start.mjs [--stop]`);
  process.exit(2);
}

process.exitCode = await (args.includes("--stop") ? stop() : start());
