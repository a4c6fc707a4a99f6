#!/usr/bin/env node
// Builds whisper.cpp's command-line transcriber (whisper-cli), which turns a customer's voice
// note into text on this computer, from the whisper.cpp source pinned in native/whisper/VERSION.
//
//   node scripts/build-whisper.mjs [--if-needed] [--jobs N]
//
// Everything lives in .cache/whisper-cpp/ (tarball, source, build tree, bin/). The only network
// it uses is the npm registry (`npm pack`), because that is all a locked-down machine may reach:
// the whisper.cpp tree travels inside the `nodejs-whisper` npm tarball (its JavaScript is never
// used, and the package is not a dependency). Needs cmake and a C++ compiler (ninja if present).
//
// AUTODIDACTA_WHISPER_BIN=/dir: use a whisper-cli the user built; only check it is there.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = join(root, '.cache', 'whisper-cpp')
const srcDir = join(cacheDir, 'src')
const buildDir = join(cacheDir, 'build')
const binDir = join(cacheDir, 'bin')
const versionFile = join(root, 'native', 'whisper', 'VERSION')
const exe = process.platform === 'win32' ? '.exe' : ''
const targets = ['whisper-cli']

// Same reasoning as build-llama.mjs: portable (no -march=native, so a shared cache works on
// other machines), static (the binary can be copied into the desktop package alone), no OpenMP
// (no libgomp / vcomp140.dll on users' machines), and nothing that reaches the network (no curl)
// or needs extra libraries (no SDL2, no ffmpeg: the app decodes the Opus audio itself).
const cmakeFlags = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DGGML_NATIVE=OFF',
  '-DGGML_OPENMP=OFF',
  '-DBUILD_SHARED_LIBS=OFF',
  '-DWHISPER_BUILD_TESTS=OFF',
  '-DWHISPER_BUILD_SERVER=OFF',
  '-DWHISPER_BUILD_EXAMPLES=ON',
  '-DWHISPER_CURL=OFF',
  '-DWHISPER_SDL2=OFF',
  '-DWHISPER_FFMPEG=OFF',
]

class BuildError extends Error {}

function log(msg) {
  process.stderr.write(`[build-whisper] ${msg}\n`)
}

function parseArgs(argv) {
  const opts = { ifNeeded: false, jobs: Math.max(1, availableParallelism()) }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--if-needed') opts.ifNeeded = true
    else if (a === '--jobs' || a === '-j') {
      const n = Number(argv[++i])
      if (!Number.isInteger(n) || n < 1) usage('--jobs needs a positive integer')
      opts.jobs = n
    } else if (a === '--help' || a === '-h') usage(null, 0)
    else usage(`unknown argument: ${a}`)
  }
  return opts
}

function usage(err, code = 2) {
  if (err) process.stderr.write(`build-whisper: ${err}\n`)
  process.stderr.write('usage: node scripts/build-whisper.mjs [--if-needed] [--jobs N]\n')
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
  for (const k of ['nodejs-whisper', 'source-path', 'tarball-sha256']) {
    if (!pin[k]) throw new BuildError(`${versionFile}: missing "${k}="`)
  }
  return pin
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex')

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
    if (r.error.code === 'ENOENT') throw new BuildError(`"${cmd}" was not found on PATH; it is needed to build whisper.cpp`)
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

// Minimal tar reader (as in build-llama.mjs): writes every regular file under `prefix/` to
// `dest`, so no platform `tar` is needed. The npm tarball holds only regular files.
function extractTree(tgzPath, prefix, dest) {
  const tar = gunzipSync(readFileSync(tgzPath))
  const want = prefix.endsWith('/') ? prefix : `${prefix}/`
  let off = 0
  let longName = null
  let count = 0
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512)
    if (header.every((b) => b === 0)) break
    const str = (a, b) => header.subarray(a, b).toString('utf8').replace(/\0.*$/s, '')
    let name = str(0, 100)
    const ustarPrefix = str(345, 500)
    if (ustarPrefix) name = `${ustarPrefix}/${name}`
    const size = parseInt(str(124, 136).trim() || '0', 8)
    const mode = parseInt(str(100, 108).trim() || '644', 8)
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
    if (type === 'g') continue
    if (longName) {
      name = longName
      longName = null
    }
    if (!name.startsWith(want) || !(type === '0' || type === '\0')) continue
    const rel = name.slice(want.length)
    if (!rel || rel.split('/').includes('..')) continue
    const to = join(dest, rel)
    mkdirSync(dirname(to), { recursive: true })
    writeFileSync(to, data)
    if (mode & 0o111) chmodSync(to, 0o755)
    count++
  }
  if (count === 0) throw new BuildError(`${tgzPath} holds nothing under ${want}`)
  return count
}

// Returns the path of the verified tarball, fetching it with `npm pack` when needed.
function fetchTarball(pin) {
  const version = pin['nodejs-whisper']
  const tgz = join(cacheDir, `nodejs-whisper-${version}.tgz`)
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!existsSync(tgz)) {
      log(`fetching nodejs-whisper@${version} with npm pack (npm registry)`)
      const out = run(process.platform === 'win32' ? 'npm.cmd' : 'npm',
        ['pack', `nodejs-whisper@${version}`, '--pack-destination', cacheDir, '--ignore-scripts', '--silent'],
        { cwd: root, shell: process.platform === 'win32' })
      const file = out.trim().split('\n').pop()?.trim()
      const got = file ? join(cacheDir, file) : null
      if (got && got !== tgz && existsSync(got)) renameSync(got, tgz)
      if (!existsSync(tgz)) throw new BuildError(`npm pack did not produce ${tgz}`)
    } else {
      log(`fetching: reusing ${tgz}`)
    }
    const sum = sha256(readFileSync(tgz))
    if (sum === pin['tarball-sha256']) return tgz
    log(`tarball sha256 ${sum} does not match the pinned ${pin['tarball-sha256']}`)
    rmSync(tgz, { force: true })
    if (attempt === 1) throw new BuildError(`nodejs-whisper@${version} does not match native/whisper/VERSION (sha256 ${sum})`)
    log('refetching the tarball once')
  }
  throw new BuildError('unreachable')
}

function prepareSource(pin) {
  const stampPath = join(srcDir, '.autodidacta-source.json')
  const stamp = readJson(stampPath)
  if (stamp && stamp.tarballSha256 === pin['tarball-sha256'] && existsSync(join(srcDir, 'CMakeLists.txt'))) {
    log('source tree up to date')
    return
  }
  const tgz = fetchTarball(pin)
  rmSync(srcDir, { recursive: true, force: true })
  // a new source invalidates the build tree (paths and generated files point into it)
  rmSync(buildDir, { recursive: true, force: true })
  const n = extractTree(tgz, pin['source-path'], srcDir)
  log(`unpacked whisper.cpp (${n} files)`)
  writeFileSync(stampPath, JSON.stringify({ tarballSha256: pin['tarball-sha256'] }, null, 2))
}

function configure() {
  const generator = hasCommand('ninja') ? ['-G', 'Ninja'] : []
  const args = ['-S', srcDir, '-B', buildDir, ...generator, ...cmakeFlags]
  const stampPath = join(buildDir, '.autodidacta-configure.json')
  const key = sha256(JSON.stringify(args))
  if (readJson(stampPath)?.key === key && existsSync(join(buildDir, 'CMakeCache.txt'))) {
    log('configuring: up to date')
    return
  }
  if (!hasCommand('cmake')) throw new BuildError('"cmake" was not found on PATH; it is needed to build whisper.cpp')
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
    let pending = ''
    const onData = (chunk) => {
      pending += chunk.toString('utf8')
      const lines = pending.split(/\r?\n/)
      pending = lines.pop()
      for (const line of lines) {
        tail.push(line)
        if (tail.length > 80) tail.shift()
        const m = /^\[(\d+)\/(\d+)\]/.exec(line)
        const mk = /^\[\s*(\d+)%\]/.exec(line)
        const pct = m ? Math.floor((100 * Number(m[1])) / Number(m[2])) : mk ? Number(mk[1]) : null
        if (pct !== null && (pct >= lastPct + 10 || pct === 100)) {
          lastPct = pct
          log(`building ${pct}%`)
        }
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', (e) => reject(new BuildError(`cmake --build failed to start: ${e.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise()
      else reject(new BuildError(`build failed (${signal ?? `exit ${code}`}); last output:\n${tail.join('\n')}`))
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

// One build at a time per cache (test runners may start several `--if-needed` checks at once).
// The lock holds our pid; a lock whose process is gone is stale and taken over.
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
      log(`waiting for another build of whisper.cpp (pid ${holder})`)
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
  if (missing.length) throw new BuildError(`AUTODIDACTA_WHISPER_BIN=${dir} lacks ${missing.map((t) => t + exe).join(', ')} (build whisper.cpp's whisper-cli, or unset it)`)
  log(`whisper.cpp: using AUTODIDACTA_WHISPER_BIN=${dir}`)
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const userBin = process.env.AUTODIDACTA_WHISPER_BIN
  if (userBin) {
    checkUserBin(resolve(userBin))
    return
  }
  const pin = readPin()
  const manifestBase = {
    nodejsWhisper: pin['nodejs-whisper'],
    tarballSha256: pin['tarball-sha256'],
    cmakeFlagsSha256: sha256(JSON.stringify(cmakeFlags)),
  }
  if (opts.ifNeeded && upToDate(manifestBase)) {
    log('whisper.cpp: up to date')
    return
  }
  const t0 = Date.now()
  mkdirSync(cacheDir, { recursive: true })
  acquireLock()
  if (opts.ifNeeded && upToDate(manifestBase)) {
    log('whisper.cpp: up to date')
    return
  }
  prepareSource(pin)
  configure()
  await build(opts.jobs)
  const manifest = installBinaries(manifestBase)
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${Object.keys(manifest.binaries).join(', ')} in ${binDir}`)
}

main().catch((e) => {
  log(`error: ${e instanceof BuildError ? e.message : e.stack || e}`)
  process.exit(1)
})
