// What scripts/build-llama.mjs and scripts/build-whisper.mjs share: both build a few CMake targets
// from source pinned in native/<name>/VERSION into a cache folder, with a lock, a manifest that
// says what the binaries were built from, and a check of binaries the user built elsewhere.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'

export class BuildError extends Error {}

export const exe = process.platform === 'win32' ? '.exe' : ''

export const sha256 = (buf) => createHash('sha256').update(buf).digest('hex')

export function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

export function hasCommand(cmd) {
  const r = spawnSync(cmd, ['--version'], { stdio: 'ignore' })
  return !r.error && r.status === 0
}

/** `key=value` lines (# comments), with the keys the build cannot do without. */
export function readPin(versionFile, required) {
  const pin = {}
  for (const line of readFileSync(versionFile, 'utf8').split('\n')) {
    const t = line.trim()
    if (!t || t.startsWith('#')) continue
    const eq = t.indexOf('=')
    if (eq > 0) pin[t.slice(0, eq).trim()] = t.slice(eq + 1).trim()
  }
  for (const k of required) {
    if (!pin[k]) throw new BuildError(`${versionFile}: missing "${k}="`)
  }
  return pin
}

/**
 * The regular files of a .tgz, in order, with their full names (GNU long names and pax paths
 * resolved). A reader of our own: an external `tar` would be one more tool that differs between
 * platforms, and npm tarballs hold only plain files.
 */
export function* tarFiles(tgzPath) {
  const tar = gunzipSync(readFileSync(tgzPath))
  let off = 0
  let longName = null
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
    if (type === '0' || type === '\0') yield { name, mode, data }
  }
}

/**
 * One native build: `tag` names its log lines and usage ("build-llama"), `what` its messages
 * ("llama.cpp"); the targets end up in `binDir` with a manifest.
 */
export function nativeBuild({ tag, what, cacheDir, buildDir, binDir, targets }) {
  const log = (msg) => process.stderr.write(`[${tag}] ${msg}\n`)

  const usage = (err, code = 2) => {
    if (err) process.stderr.write(`${tag}: ${err}\n`)
    process.stderr.write(`usage: node scripts/${tag}.mjs [--if-needed] [--jobs N]\n`)
    process.exit(code)
  }

  const parseArgs = (argv) => {
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

  const run = (cmd, args, opts = {}) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts })
    if (r.error) {
      if (r.error.code === 'ENOENT') throw new BuildError(`"${cmd}" was not found on PATH; it is needed to build ${what}`)
      throw new BuildError(`${cmd} failed to start: ${r.error.message}`)
    }
    if (r.status !== 0) {
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n')
      throw new BuildError(`${cmd} ${args.join(' ')} exited with ${r.status}\n${out}`)
    }
    return r.stdout ?? ''
  }

  /**
   * An npm package's tarball in the cache, fetched with `npm pack` (the npm registry is the one
   * network a locked-down machine may reach) unless it is there already. The caller verifies it.
   */
  const packTarball = (root, pkg, version, tgz) => {
    if (existsSync(tgz)) {
      log(`fetching: reusing ${tgz}`)
      return
    }
    log(`fetching ${pkg}@${version} with npm pack (npm registry)`)
    const out = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['pack', `${pkg}@${version}`, '--pack-destination', cacheDir, '--ignore-scripts', '--silent'], {
      cwd: root,
      shell: process.platform === 'win32',
    })
    const file = out.trim().split('\n').pop()?.trim()
    const got = file ? join(cacheDir, file) : null
    if (got && got !== tgz && existsSync(got)) renameSync(got, tgz)
    if (!existsSync(tgz)) throw new BuildError(`npm pack did not produce ${tgz}`)
  }

  /** Configures the build tree once per set of arguments (a stamp remembers them). */
  const configure = (args) => {
    const stampPath = join(buildDir, '.autodidacta-configure.json')
    const key = sha256(JSON.stringify(args))
    if (readJson(stampPath)?.key === key && existsSync(join(buildDir, 'CMakeCache.txt'))) {
      log('configuring: up to date')
      return
    }
    if (!hasCommand('cmake')) throw new BuildError(`"cmake" was not found on PATH; it is needed to build ${what}`)
    // a cache from different flags or a different generator cannot be reused
    rmSync(buildDir, { recursive: true, force: true })
    log(`configuring (${args.includes('Ninja') ? 'Ninja' : 'default generator'})`)
    run('cmake', args)
    writeFileSync(stampPath, JSON.stringify({ key, args }, null, 2))
  }

  const build = (jobs) => {
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

  const installBinaries = (manifestBase) => {
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
  const acquireLock = () => {
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
        log(`waiting for another build of ${what} (pid ${holder})`)
        announced = true
      }
      Atomics.wait(sleeper, 0, 0, 1000)
    }
  }

  const upToDate = (manifestBase) => {
    const m = readJson(join(binDir, 'manifest.json'))
    const same = m && Object.entries(manifestBase).every(([k, v]) => m[k] === v)
    return Boolean(same && targets.every((t) => existsSync(join(binDir, t + exe))))
  }

  /** Binaries the user built elsewhere (`envName=/dir`): only check they are all there. */
  const checkUserBin = (dir, envName, hint) => {
    const missing = targets.filter((t) => {
      const p = join(dir, t + exe)
      return !existsSync(p) || !statSync(p).isFile()
    })
    if (missing.length) throw new BuildError(`${envName}=${dir} lacks ${missing.map((t) => t + exe).join(', ')} (${hint})`)
    log(`${what}: using ${envName}=${dir}`)
  }

  /** The whole run: the user's binaries, or up to date, or (under the lock) prepare → configure → build → install. */
  const main = async ({ envName, userBinHint, manifestBase, prepare }) => {
    const opts = parseArgs(process.argv.slice(2))
    const userBin = process.env[envName]
    if (userBin) {
      checkUserBin(resolve(userBin), envName, userBinHint)
      return
    }
    const base = manifestBase()
    if (opts.ifNeeded && upToDate(base)) {
      log(`${what}: up to date`)
      return
    }
    const t0 = Date.now()
    mkdirSync(cacheDir, { recursive: true })
    acquireLock()
    // whoever held the lock may just have built exactly this
    if (opts.ifNeeded && upToDate(base)) {
      log(`${what}: up to date`)
      return
    }
    prepare(base)
    await build(opts.jobs)
    const manifest = installBinaries(base)
    log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${Object.keys(manifest.binaries).join(', ')} in ${binDir}`)
  }

  const runMain = (options) =>
    main(options).catch((e) => {
      log(`error: ${e instanceof BuildError ? e.message : e.stack || e}`)
      process.exit(1)
    })

  return { log, run, packTarball, configure, runMain }
}
