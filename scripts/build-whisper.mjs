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
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BuildError, hasCommand, nativeBuild, readJson, readPin, sha256, tarFiles } from './lib/native-build.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = join(root, '.cache', 'whisper-cpp')
const srcDir = join(cacheDir, 'src')
const buildDir = join(cacheDir, 'build')
const binDir = join(cacheDir, 'bin')
const versionFile = join(root, 'native', 'whisper', 'VERSION')
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

// Writes every regular file under `prefix/` to `dest`.
function extractTree(tgzPath, prefix, dest) {
  const want = prefix.endsWith('/') ? prefix : `${prefix}/`
  let count = 0
  for (const { name, mode, data } of tarFiles(tgzPath)) {
    if (!name.startsWith(want)) continue
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
    packTarball(root, 'nodejs-whisper', version, tgz)
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

const { log, packTarball, configure, runMain } = nativeBuild({ tag: 'build-whisper', what: 'whisper.cpp', cacheDir, buildDir, binDir, targets })

runMain({
  envName: 'AUTODIDACTA_WHISPER_BIN',
  userBinHint: "build whisper.cpp's whisper-cli, or unset it",
  manifestBase: () => {
    const pin = readPin(versionFile, ['nodejs-whisper', 'source-path', 'tarball-sha256'])
    return { nodejsWhisper: pin['nodejs-whisper'], tarballSha256: pin['tarball-sha256'], cmakeFlagsSha256: sha256(JSON.stringify(cmakeFlags)) }
  },
  prepare: () => {
    prepareSource(readPin(versionFile, ['nodejs-whisper', 'source-path', 'tarball-sha256']))
    configure(['-S', srcDir, '-B', buildDir, ...(hasCommand('ninja') ? ['-G', 'Ninja'] : []), ...cmakeFlags])
  },
})
