#!/usr/bin/env node
// Builds the native training tools: llama.cpp's llama-finetune, llama-perplexity and
// llama-quantize plus our own autodidacta-train, from the llama.cpp source pinned in
// native/llama/VERSION with the patches in native/llama/patches applied.
//
//   node scripts/build-llama.mjs [--if-needed] [--jobs N]
//
// Everything lives in .cache/llama-cpp/ (tarball, patched source, build tree, bin/).
// The only network it uses is the npm registry (`npm pack`), because that is all a
// locked-down machine may reach; the llama.cpp tree travels inside node-llama-cpp's
// tarball as a git bundle. Needs git, cmake and a C++ compiler (ninja if present).
//
// AUTODIDACTA_LLAMA_BIN=/dir: use binaries the user built; only check they are there.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = join(root, '.cache', 'llama-cpp')
const srcDir = join(cacheDir, 'src')
const buildDir = join(cacheDir, 'build')
const binDir = join(cacheDir, 'bin')
const versionFile = join(root, 'native', 'llama', 'VERSION')
const patchesDir = join(root, 'native', 'llama', 'patches')
const trainerDir = join(root, 'native', 'trainer')
// what makes up the trainer build: the helper scripts next to it do not
const trainerFiles = ['CMakeLists.txt', 'autodidacta-train.cpp']
const exe = process.platform === 'win32' ? '.exe' : ''
const targets = ['llama-finetune', 'llama-perplexity', 'llama-quantize', 'autodidacta-train']

// Flags measured on the 2-core reference machine (docs: shared ENVIRONMENT.md).
// GGML_NATIVE=OFF keeps the binaries portable across machines sharing a cache (ggml
// then defaults to the AVX2/FMA/F16C x86-64 baseline); static so the binaries can be
// copied anywhere; no server/UI/tests and no OpenSSL: nothing here needs the network.
// GGML_OPENMP=OFF: ggml's own thread pool instead of OpenMP, so the tools the desktop package
// carries do not need libgomp (not on every desktop) or, on Windows, vcomp140.dll.
const cmakeFlags = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DGGML_NATIVE=OFF',
  '-DGGML_OPENMP=OFF',
  '-DBUILD_SHARED_LIBS=OFF',
  '-DLLAMA_OPENSSL=OFF',
  '-DLLAMA_BUILD_SERVER=OFF',
  '-DLLAMA_BUILD_TESTS=OFF',
  '-DLLAMA_BUILD_APP=OFF',
  '-DLLAMA_USE_PREBUILT_UI=OFF',
  '-DLLAMA_BUILD_COMMON=ON',
  '-DLLAMA_BUILD_TOOLS=ON',
  '-DLLAMA_BUILD_EXAMPLES=ON',
]

class BuildError extends Error {}

function log(msg) {
  process.stderr.write(`[build-llama] ${msg}\n`)
}

function parseArgs(argv) {
  const opts = { ifNeeded: false, jobs: Math.max(1, availableParallelism()) }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--if-needed') opts.ifNeeded = true
    else if (a === '--jobs' || a === '-j') {
      const n = Number(argv[++i])
      if (!Number.isInteger(n) || n < 1) usage(`--jobs needs a positive integer`)
      opts.jobs = n
    } else if (a === '--help' || a === '-h') usage(null, 0)
    else usage(`unknown argument: ${a}`)
  }
  return opts
}

function usage(err, code = 2) {
  if (err) process.stderr.write(`build-llama: ${err}\n`)
  process.stderr.write('usage: node scripts/build-llama.mjs [--if-needed] [--jobs N]\n')
  process.exit(code)
}

function readPin() {
  const pin = {}
  for (const line of readFileSync(versionFile, 'utf8').split('\n')) {
    const t = line.trim()
    if (!t || t.startsWith('#')) continue
    const eq = t.indexOf('=')
    if (eq > 0) pin[t.slice(0, eq).trim()] = t.slice(eq + 1).trim()
  }
  for (const k of ['node-llama-cpp', 'bundle-path', 'bundle-sha256']) {
    if (!pin[k]) throw new BuildError(`${versionFile}: missing "${k}="`)
  }
  return pin
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex')

function patchList() {
  return existsSync(patchesDir) ? readdirSync(patchesDir).filter((f) => f.endsWith('.patch')).sort() : []
}

// Hash names and contents, so renaming/reordering a patch also counts as a change.
function hashFiles(dir, names) {
  const h = createHash('sha256')
  for (const n of names) {
    h.update(`${n}\0`)
    h.update(readFileSync(join(dir, n)))
    h.update('\0')
  }
  return h.digest('hex')
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts })
  if (r.error) {
    if (r.error.code === 'ENOENT') throw new BuildError(`"${cmd}" was not found on PATH; it is needed to build llama.cpp`)
    throw new BuildError(`${cmd} failed to start: ${r.error.message}`)
  }
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n')
    throw new BuildError(`${cmd} ${args.join(' ')} exited with ${r.status}\n${out}`)
  }
  return r.stdout ?? ''
}

function hasCommand(cmd) {
  const r = spawnSync(cmd, ['--version'], { stdio: 'ignore' })
  return !r.error && r.status === 0
}

// Minimal tar reader: we need one file out of the npm tarball, and relying on an
// external `tar` would add a tool that differs between platforms.
function extractFromTgz(tgzPath, wanted) {
  const tar = gunzipSync(readFileSync(tgzPath))
  let off = 0
  let longName = null
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512)
    if (header.every((b) => b === 0)) break
    const str = (a, b) => header.subarray(a, b).toString('utf8').replace(/\0.*$/s, '')
    let name = str(0, 100)
    const prefix = str(345, 500)
    if (prefix) name = `${prefix}/${name}`
    const size = parseInt(str(124, 136).trim() || '0', 8)
    const type = String.fromCharCode(header[156] || 48)
    const dataStart = off + 512
    const data = tar.subarray(dataStart, dataStart + size)
    off = dataStart + Math.ceil(size / 512) * 512
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '')
      continue
    }
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))
      if (m) longName = m[1]
      continue
    }
    if (longName) {
      name = longName
      longName = null
    }
    if (name === wanted && (type === '0' || type === '\0')) return Buffer.from(data)
  }
  throw new BuildError(`${tgzPath} does not contain ${wanted}`)
}

// Returns the verified bundle bytes, fetching the tarball with `npm pack` when needed.
function fetchBundle(pin) {
  const version = pin['node-llama-cpp']
  const tgz = join(cacheDir, `node-llama-cpp-${version}.tgz`)
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!existsSync(tgz)) {
      log(`fetching node-llama-cpp@${version} with npm pack (npm registry)`)
      const out = run(process.platform === 'win32' ? 'npm.cmd' : 'npm',
        ['pack', `node-llama-cpp@${version}`, '--pack-destination', cacheDir, '--ignore-scripts', '--silent'],
        { cwd: root, shell: process.platform === 'win32' })
      const file = out.trim().split('\n').pop()?.trim()
      const got = file ? join(cacheDir, file) : null
      if (got && got !== tgz && existsSync(got)) renameSync(got, tgz)
      if (!existsSync(tgz)) throw new BuildError(`npm pack did not produce ${tgz}`)
    } else {
      log(`fetching: reusing ${tgz}`)
    }
    let bundle
    try {
      bundle = extractFromTgz(tgz, pin['bundle-path'])
    } catch (e) {
      bundle = null
      log(`cached tarball unreadable (${e.message})`)
    }
    const sum = bundle ? sha256(bundle) : null
    if (sum === pin['bundle-sha256']) return bundle
    if (sum) log(`bundle sha256 ${sum} does not match the pinned ${pin['bundle-sha256']}`)
    rmSync(tgz, { force: true })
    if (attempt === 1) {
      throw new BuildError(`the llama.cpp bundle in node-llama-cpp@${version} does not match native/llama/VERSION (sha256 ${sum ?? 'n/a'})`)
    }
    log('refetching the tarball once')
  }
  throw new BuildError('unreachable')
}

function prepareSource(pin, patches, patchesSha256) {
  const stampPath = join(srcDir, '.autodidacta-source.json')
  const stamp = readJson(stampPath)
  if (stamp && stamp.bundleSha256 === pin['bundle-sha256'] && stamp.patchesSha256 === patchesSha256 && existsSync(join(srcDir, 'CMakeLists.txt'))) {
    log('patching: source tree up to date')
    return false
  }
  if (stamp && stamp.bundleSha256 === pin['bundle-sha256'] && existsSync(join(srcDir, '.git'))) {
    // same llama.cpp, other patches: reset the tree in place rather than re-cloning, so
    // git rewrites only the files the patches touch and the build stays incremental
    log('patching: resetting the source tree')
    run('git', ['reset', '--quiet', '--hard', 'HEAD'], { cwd: srcDir })
    run('git', ['clean', '--quiet', '-fdx'], { cwd: srcDir })
  } else {
    const bundle = fetchBundle(pin)
    const bundlePath = join(cacheDir, 'gitRelease.bundle')
    writeFileSync(bundlePath, bundle)
    rmSync(srcDir, { recursive: true, force: true })
    // a new source invalidates the build tree (paths and generated files point into it)
    rmSync(buildDir, { recursive: true, force: true })
    log('cloning the llama.cpp bundle')
    try {
      run('git', ['-c', 'advice.detachedHead=false', 'clone', '--quiet', bundlePath, srcDir])
    } finally {
      rmSync(bundlePath, { force: true })
    }
  }
  for (const p of patches) {
    log(`patching: ${p}`)
    const file = join(patchesDir, p)
    try {
      run('git', ['apply', '--check', file], { cwd: srcDir })
    } catch (e) {
      throw new BuildError(`patch ${p} does not apply to the pinned llama.cpp source:\n${e.message}`)
    }
    run('git', ['apply', file], { cwd: srcDir })
  }
  writeFileSync(stampPath, JSON.stringify({ bundleSha256: pin['bundle-sha256'], patchesSha256, patches }, null, 2))
  return true
}

function configure(pin) {
  const generator = hasCommand('ninja') ? ['-G', 'Ninja'] : []
  const args = ['-S', trainerDir, '-B', buildDir, ...generator, ...cmakeFlags,
    `-DLLAMA_SOURCE_DIR=${srcDir}`, `-DAUTODIDACTA_LLAMA_VERSION=node-llama-cpp ${pin['node-llama-cpp']}`]
  const stampPath = join(buildDir, '.autodidacta-configure.json')
  const key = sha256(JSON.stringify(args))
  if (readJson(stampPath)?.key === key && existsSync(join(buildDir, 'CMakeCache.txt'))) {
    log('configuring: up to date')
    return
  }
  if (!hasCommand('cmake')) throw new BuildError('"cmake" was not found on PATH; it is needed to build llama.cpp')
  // a cache from different flags or a different generator cannot be reused
  rmSync(buildDir, { recursive: true, force: true })
  log(`configuring (${generator.length ? 'Ninja' : 'default generator'})`)
  run('cmake', args)
  writeFileSync(stampPath, JSON.stringify({ key, args }, null, 2))
}

function build(jobs) {
  log(`building ${targets.join(' ')} with ${jobs} job(s)`)
  return new Promise((resolvePromise, reject) => {
    const child = spawn('cmake', ['--build', buildDir, '--target', ...targets, '--parallel', String(jobs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const tail = []
    let lastPct = -1
    let lastStep = null
    let pending = ''
    const onData = (chunk) => {
      pending += chunk.toString('utf8')
      const lines = pending.split(/\r?\n/)
      pending = lines.pop()
      for (const line of lines) {
        tail.push(line)
        if (tail.length > 80) tail.shift()
        // ninja prints "[n/m] ...", make "[ 42%] ..."; report every 5% so a 4-minute
        // build shows it is alive without flooding the log
        const m = /^\[(\d+)\/(\d+)\]/.exec(line)
        const mk = /^\[\s*(\d+)%\]/.exec(line)
        const pct = m ? Math.floor((100 * Number(m[1])) / Number(m[2])) : mk ? Number(mk[1]) : null
        if (pct === null) continue
        lastStep = m ? `[${m[1]}/${m[2]}]` : `[${mk[1]}%]`
        if (pct >= lastPct + 5 || pct === 100) {
          lastPct = pct
          log(`building ${lastStep}`)
        }
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', (e) => reject(new BuildError(`cmake --build failed to start: ${e.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) {
        if (lastStep && lastPct !== 100) log(`building ${lastStep} done`)
        resolvePromise()
      } else {
        reject(new BuildError(`build failed (${signal ?? `exit ${code}`}); last output:\n${tail.join('\n')}`))
      }
    })
  })
}

function installBinaries(manifestBase) {
  mkdirSync(binDir, { recursive: true })
  const binaries = {}
  for (const t of targets) {
    const from = join(buildDir, 'bin', t + exe)
    if (!existsSync(from)) throw new BuildError(`the build did not produce ${from}`)
    const to = join(binDir, t + exe)
    // copy to a temp name and rename, so a running binary is never overwritten in place
    copyFileSync(from, `${to}.tmp`)
    chmodSync(`${to}.tmp`, 0o755)
    renameSync(`${to}.tmp`, to)
    binaries[t] = { file: t + exe, bytes: statSync(to).size }
  }
  const manifest = { ...manifestBase, builtAt: new Date().toISOString(), binaries }
  writeFileSync(join(binDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

// One build at a time per cache: test runners may start several `--if-needed` checks at
// once, and two builds writing the same tree would corrupt it. The lock holds our pid;
// a lock whose process is gone is stale and taken over.
function acquireLock() {
  const lockPath = join(cacheDir, '.lock')
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  let announced = false
  for (;;) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      process.on('exit', () => rmSync(lockPath, { force: true }))
      return
    } catch (e) {
      if (e.code !== 'EEXIST') throw e
    }
    const holder = Number(readFileSync(lockPath, 'utf8').trim())
    let alive
    try {
      process.kill(holder, 0)
      alive = holder !== process.pid
    } catch (e) {
      alive = e.code === 'EPERM'
    }
    if (!alive) {
      rmSync(lockPath, { force: true })
      continue
    }
    if (!announced) {
      log(`waiting for another build of the llama.cpp tools (pid ${holder})`)
      announced = true
    }
    Atomics.wait(sleeper, 0, 0, 1000)
  }
}

function upToDate(manifestBase) {
  const m = readJson(join(binDir, 'manifest.json'))
  const same = m && Object.entries(manifestBase).every(([k, v]) => m[k] === v)
  return Boolean(same && targets.every((t) => existsSync(join(binDir, t + exe))))
}

function checkUserBin(dir) {
  const missing = targets.filter((t) => {
    const p = join(dir, t + exe)
    return !existsSync(p) || !statSync(p).isFile()
  })
  if (missing.length) {
    throw new BuildError(`AUTODIDACTA_LLAMA_BIN=${dir} lacks ${missing.map((t) => t + exe).join(', ')} (build them from native/ with the patches applied, or unset it)`)
  }
  log(`llama.cpp tools: using AUTODIDACTA_LLAMA_BIN=${dir}`)
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const userBin = process.env.AUTODIDACTA_LLAMA_BIN
  if (userBin) {
    checkUserBin(resolve(userBin))
    return
  }
  const pin = readPin()
  const patches = patchList()
  const manifestBase = {
    nodeLlamaCpp: pin['node-llama-cpp'],
    bundleSha256: pin['bundle-sha256'],
    patchesSha256: hashFiles(patchesDir, patches),
    trainerSha256: hashFiles(trainerDir, trainerFiles),
    cmakeFlagsSha256: sha256(JSON.stringify(cmakeFlags)),
  }
  if (opts.ifNeeded && upToDate(manifestBase)) {
    log('llama.cpp tools: up to date')
    return
  }
  const t0 = Date.now()
  mkdirSync(cacheDir, { recursive: true })
  acquireLock()
  // whoever held the lock may just have built exactly this
  if (opts.ifNeeded && upToDate(manifestBase)) {
    log('llama.cpp tools: up to date')
    return
  }
  prepareSource(pin, patches, manifestBase.patchesSha256)
  configure(pin)
  await build(opts.jobs)
  const manifest = installBinaries(manifestBase)
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${Object.keys(manifest.binaries).join(', ')} in ${binDir}`)
}

main().catch((e) => {
  log(`error: ${e instanceof BuildError ? e.message : e.stack || e}`)
  process.exit(1)
})
