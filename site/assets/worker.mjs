// The scoring engine in a module Web Worker: Pyodide (self-hosted) runs the same
// `scorecard` Python package as the command line. No scoring happens in JavaScript.
//
// Start-up, fastest first:
// - restore: a memory snapshot of an engine that has already started (Pyodide, the engine
//   imported, the bank loaded), kept in this browser's Cache API since an earlier visit of the
//   same engine version. Restoring skips Python's start-up, the slowest part of a start.
// - start: Pyodide starts from its files, unpacks the engine wheel and loads the bank; a snapshot
//   is taken at once, before any answer reaches Python, and stored once the page is quiet.
// A snapshot is stored under the engine's version (a hash of Pyodide, its standard library, the
// wheel, the bank and this file), so a new version never restores an old one; a restore that
// fails is forgotten and followed by a normal start.
//
// The engine's files are read from the same store when they are there (a repeat visit, or
// offline), else downloaded once and kept: the service worker does not download them again.
// The page is told how far the download and the start have got.
const assets = new URL("./", import.meta.url);
const root = new URL("../", assets);
// Written by the build (scorecard/sitegen/engine_files.py): {version, bank, stdlib, bytes, modules,
// lock, default_language, banks: {language: {path, bytes}}, files: {path from the site root: {key, bytes}}}. A page's engine loads
// its language's bank (the same questions and rules, its words in that language): the page says which.
const ENGINE = /*__ENGINE__*/ null;
const STORE = "scorecard-engine"; // also in service-worker.js
const SNAPSHOT_IDLE_MS = 1500; // keep the snapshot once no message has come for this long
const PROGRESS_EVERY_MS = 200;

if (!ENGINE) throw new Error("this site was not built by `scorecard build` (the worker has no engine manifest)");

const realFetch = globalThis.fetch.bind(globalThis);
const files = new Map(Object.entries(ENGINE.files).map(([path, file]) => [new URL(path, root).href, file]));
const storeKey = (url, file) => `${url}?v=${file.key}`;
// One snapshot per language: it holds the bank that language's pages load.
const snapshotKeyOf = (lang) => new URL(`engine/snapshot?v=${ENGINE.version}&lang=${encodeURIComponent(lang)}`, assets).href;
const LANGUAGES = Object.keys(ENGINE.banks);
const DEFAULT_LANGUAGE = ENGINE.default_language;
let language = DEFAULT_LANGUAGE; // the page's, once the start message has said it
let snapshotKey = snapshotKeyOf(language);
let total = ENGINE.banks[language].bytes; // what this start downloads

// Begun as soon as the worker runs, side by side: Pyodide's loader, its large runtime script
// (Pyodide imports the same URL later and gets this module), and the store with any snapshot.
const loader = import("./pyodide/pyodide.mjs");
const runtimeScript = import("./pyodide/pyodide.asm.mjs");
runtimeScript.catch(() => {}); // Pyodide reports a failure when it imports the script itself
const storeReady = openStore();
let snapshotReady = null; // looked for once the page has said its language (start)

let store = null; // the Cache API, when this browser allows it
let downloaded = 0;
let step = ""; // "download", "start" or "restore": what the page is told
let lastProgress = 0;

function progress(next) {
  const now = performance.now();
  if (next === step && now - lastProgress < PROGRESS_EVERY_MS) return;
  step = next;
  lastProgress = now;
  postMessage({ type: "progress", step, loaded: Math.min(downloaded, total), total });
}

// Bytes of the engine's files now in hand (downloaded or read from the store).
function counted(bytes) {
  downloaded += bytes;
  if (step !== "restore") progress(downloaded >= total ? "start" : "download");
}

async function openStore() {
  try {
    return await caches.open(STORE);
  } catch (error) {
    return null; // no Cache API (an http:// host other than localhost, storage turned off): start without it
  }
}

// Pyodide fetches its files with the global fetch(): the engine's files come from the store when
// there, else from the network, counted for the progress message and kept in the store.
async function engineFetch(input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  url.search = "";
  const file = files.get(url.href);
  if (!file) return realFetch(input, init);
  const key = storeKey(url.href, file);
  const kept = store && (await store.match(key, { ignoreVary: true }).catch(() => undefined));
  if (kept) {
    counted(file.bytes);
    return kept;
  }
  const response = await realFetch(url.href, init);
  if (!response.ok) return response;
  if (store) store.put(key, response.clone()).catch(() => {});
  countBody(response.clone().body, file.bytes);
  return response;
}

async function countBody(body, expected) {
  let seen = 0;
  try {
    const reader = body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      seen += part.value.byteLength;
      counted(part.value.byteLength);
    }
  } catch (error) {
    /* the download failed: Pyodide reports it */
  }
  if (seen < expected) counted(0);
}

async function fileBytes(path) {
  const response = await engineFetch(new URL(path, root));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

function pyodideOptions(extra) {
  const indexURL = new URL("pyodide/", assets).href;
  // The lock file's "info" and no packages: the site loads none.
  return { indexURL, stdLibURL: new URL(ENGINE.stdlib, root).href, lockFileContents: ENGINE.lock, packageBaseUrl: indexURL, ...extra };
}

// A normal start; with a store, in the mode that allows a snapshot, taken at once: before any
// answer reaches Python, so a snapshot holds the engine and the bank, never an officer's answers.
async function freshStart(wheelPath) {
  const [pyodide, wheel, bank] = await Promise.all([
    loader.then(({ loadPyodide }) => loadPyodide(pyodideOptions(store ? { _makeSnapshot: true } : {}))),
    fileBytes(wheelPath),
    fileBytes(ENGINE.banks[language].path).then((bytes) => new TextDecoder().decode(bytes)),
  ]);
  pyodide.unpackArchive(wheel, "wheel");
  pyodide.globals.set("BANK_JSON", bank);
  pyodide.runPython("from scorecard.browser import BrowserApi\nscorecard_api = BrowserApi(BANK_JSON)\ndel BANK_JSON");
  const snapshot = store ? takeSnapshot(pyodide) : null;
  return { pyodide, api: pyodide.globals.get("scorecard_api"), how: "started", snapshot, pending: Boolean(store) };
}

// Every engine module is imported first, including those imported on first use (the comparison
// code): the snapshot holds Python's memory, not its files, so a restored engine has no wheel.
function takeSnapshot(pyodide) {
  try {
    pyodide.globals.set("ENGINE_MODULES", JSON.stringify(ENGINE.modules));
    pyodide.runPython("import importlib, json\nfor name in json.loads(ENGINE_MODULES): importlib.import_module(name)\ndel ENGINE_MODULES");
    return pyodide.makeMemorySnapshot();
  } catch (error) {
    console.warn("The scoring engine cannot be kept for the next visit.", error);
    return null;
  }
}

// The snapshot holds Python's memory, not its files (Pyodide writes the standard library again):
// every engine module was imported before it was made (takeSnapshot), so the wheel is not needed.
async function restore(snapshot) {
  const { loadPyodide } = await loader;
  const pyodide = await whileFilling(snapshot.filled, () => loadPyodide(pyodideOptions({ _loadSnapshot: snapshot.bytes })));
  const api = pyodide.globals.get("scorecard_api");
  const bank = api.bank;
  const version = bank.version;
  bank.destroy();
  if (version !== ENGINE.bank) throw new Error("the snapshot holds another bank");
  return { pyodide, api, how: "restored", snapshot: null, pending: false };
}

// The snapshot kept for this version, if any: {bytes, filled}. Pyodide needs only its length before
// it instantiates the WebAssembly (the size of its memory), and the bytes after. So it is given
// memory of the right length at once, while the bytes are read from the store and unpacked into it
// (`filled`): reading overlaps Pyodide's own set-up instead of coming before it.
async function findSnapshot(opened) {
  try {
    const kept = await opened.match(snapshotKey);
    if (!kept) return null;
    const packed = await kept.blob();
    const [magic, length, page, count] = new Uint32Array(await packed.slice(0, 16).arrayBuffer());
    if (magic !== PACKED || page !== PAGE || length % 4 !== 0 || !count) throw new Error("not a packed snapshot");
    // Every page kept is whole but perhaps the snapshot's last: the size says if any part is missing.
    const [last] = new Uint32Array(await packed.slice(12 + 4 * count, 16 + 4 * count).arrayBuffer());
    if (packed.size !== 16 + 4 * count + (count - 1) * PAGE + Math.min(PAGE, length - last * PAGE)) {
      throw new Error("a packed snapshot of the wrong size");
    }
    const bytes = new Uint8Array(length);
    const filled = packed.arrayBuffer().then((buffer) => unpackSnapshot(buffer, bytes));
    filled.catch(() => {}); // a bad snapshot is reported when the restore awaits it, not before
    return { bytes, filled };
  } catch (error) {
    await opened.delete(snapshotKey).catch(() => {});
    return null;
  }
}

// Pyodide copies the snapshot into its memory once the runtime's WebAssembly is instantiated: until
// the bytes are all in, that instantiation is held back. (Only the runtime, the one large module:
// Pyodide's small feature tests go through at once.) WebAssembly is as it was once the load ends.
const RUNTIME_MIN_BYTES = 1 << 20;
async function whileFilling(filled, load) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const large = (source) => (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) && source.byteLength >= RUNTIME_MIN_BYTES;
  WebAssembly.instantiateStreaming = async (...args) => {
    const result = await instantiateStreaming(...args);
    await filled;
    return result;
  };
  WebAssembly.instantiate = async (source, ...rest) => {
    const result = await instantiate(source, ...rest);
    if (large(source)) await filled;
    return result;
  };
  try {
    return await load();
  } finally {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
  }
}

// A snapshot is Python's whole memory, about 31 MB, half of it in pages of zeros: only the other
// pages are kept (a list of their numbers, then their bytes), which halves the time to read it.
const PAGE = 4096;
const PACKED = 0x73637031; // "scp1"

// Packing keeps the worker busy: finding the zero pages reads every word of the snapshot, and the kept pages are
// copied out (about 16 MB). Neither is done in one task, so an answer given meanwhile is scored after one part of
// it (a few milliseconds), not after all of it (about 0.1 s here, several times that on a slow laptop): the scan
// runs in slices of SLICE_MS, and the packed bytes are a stream the Cache API reads a megabyte at a time.
const SLICE_MS = 8;
const PAGES_PER_CHUNK = 256;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// The numbers of the pages that are not all zeros.
async function keptPages(bytes) {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const perPage = PAGE >> 2;
  const kept = [];
  let sliceStart = performance.now();
  for (let page = 0; page * PAGE < bytes.byteLength; page++) {
    const end = Math.min(words.length, (page + 1) * perPage);
    for (let i = page * perPage; i < end; i++) {
      if (words[i] !== 0) {
        kept.push(page);
        break;
      }
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  return kept;
}

// The packed snapshot: a header (magic, length, page size, count, the page numbers), then the kept pages.
function packedStream(bytes, kept) {
  const header = new Uint32Array([PACKED, bytes.byteLength, PAGE, kept.length, ...kept]);
  let next = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(header.buffer));
    },
    pull(controller) {
      if (next >= kept.length) return controller.close();
      const parts = kept.slice(next, next + PAGES_PER_CHUNK).map((page) => bytes.subarray(page * PAGE, (page + 1) * PAGE));
      next += parts.length;
      const chunk = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        chunk.set(part, offset);
        offset += part.byteLength;
      }
      controller.enqueue(chunk);
    },
  });
}

function unpackSnapshot(buffer, bytes) {
  const [magic, length, page, count] = new Uint32Array(buffer, 0, 4);
  if (magic !== PACKED || length !== bytes.byteLength) throw new Error("not the packed snapshot expected");
  const pages = new Uint32Array(buffer, 16, count);
  let offset = 16 + 4 * count;
  for (const number of pages) {
    const size = Math.min(page, length - number * page);
    bytes.set(new Uint8Array(buffer, offset, size), number * page);
    offset += size;
  }
  if (offset !== buffer.byteLength) throw new Error("a packed snapshot of the wrong size");
}

async function start(wheelName, lang) {
  const wheelPath = `assets/engine/${wheelName}`;
  if (!files.has(new URL(wheelPath, root).href)) throw new Error(`the site has no engine ${wheelName}`);
  language = Object.hasOwn(ENGINE.banks, lang) ? lang : DEFAULT_LANGUAGE;
  snapshotKey = snapshotKeyOf(language);
  total = ENGINE.banks[language].bytes;
  snapshotReady = storeReady.then((opened) => opened && findSnapshot(opened));
  store = await storeReady;
  globalThis.fetch = engineFetch;
  const snapshot = await snapshotReady;
  if (snapshot) {
    progress("restore");
    try {
      return await restore(snapshot);
    } catch (error) {
      console.warn("The saved scoring engine could not be restored; starting it afresh.", error);
      await store.delete(snapshotKey).catch(() => {});
      downloaded = 0;
    }
  }
  progress("download");
  return freshStart(wheelPath);
}

// After a normal start: store the snapshot once the page has been quiet for a moment (packing it
// takes a while, in slices between which answers are still scored), and drop what an older version
// of the engine left in the store.
let snapshotTimer = null;
function snapshotWhenQuiet(engine) {
  clearTimeout(snapshotTimer);
  if (engine.pending) snapshotTimer = setTimeout(() => keepSnapshot(engine), SNAPSHOT_IDLE_MS);
}

async function keepSnapshot(engine) {
  const bytes = engine.snapshot;
  engine.snapshot = null;
  engine.pending = false;
  if (bytes) {
    try {
      const packed = packedStream(bytes, await keptPages(bytes));
      await store.put(snapshotKey, new Response(packed, { headers: { "Content-Type": "application/octet-stream" } }));
    } catch (error) {
      console.warn("The scoring engine could not be kept for the next visit.", error);
    }
  }
  await forgetOldVersions();
}

async function forgetOldVersions() {
  if (!store) return;
  const current = new Set([...LANGUAGES.map(snapshotKeyOf), ...[...files].map(([url, file]) => storeKey(url, file))]);
  try {
    for (const request of await store.keys()) if (!current.has(request.url)) await store.delete(request);
  } catch (error) {
    /* the store is only a cache */
  }
}

let engine = null;

// Another language's bank, loaded the first time a call asks for that language (the Board report page's report in
// each language: each part's theme titles, questions and tiers its own language's): the site's own
// assets/bank-CODE.json, read through the engine's store like its other files (the service worker keeps them there,
// so this works offline too). Once loaded, every call in that language reads it (scorecard/browser.py add_bank).
const otherBanks = new Map();
function bankFor(ready, lang) {
  if (!lang || lang === language || !Object.hasOwn(ENGINE.banks, lang)) return null;
  if (!otherBanks.has(lang)) {
    const loading = fileBytes(ENGINE.banks[lang].path).then((bytes) => ready.api.add_bank(lang, new TextDecoder().decode(bytes)));
    loading.catch(() => otherBanks.delete(lang)); // asked for again by the next call in that language
    otherBanks.set(lang, loading);
  }
  return otherBanks.get(lang);
}

onmessage = async (event) => {
  const { id, op, payload, lang } = event.data; // lang: the page's language, for the engine's words
  if (op === "start") {
    const started = performance.now();
    engine = start(payload.wheel, payload.lang);
    engine.then(
      (ready) => {
        postMessage({ type: "ready", how: ready.how, ms: performance.now() - started });
        snapshotWhenQuiet(ready);
      },
      (error) => postMessage({ type: "failed", message: String(error && error.message ? error.message : error) }),
    );
    return;
  }
  try {
    const ready = await engine;
    const other = bankFor(ready, lang); // null for the page's own language: its calls wait for nothing more
    if (other) await other;
    postMessage({ type: "reply", id, ...JSON.parse(ready.api.call(op, JSON.stringify(payload), lang || "")) });
    snapshotWhenQuiet(ready);
  } catch (error) {
    postMessage({ type: "reply", id, ok: false, problems: [`The scoring engine failed: ${error.message || error}`] });
  }
};
