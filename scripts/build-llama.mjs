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
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BuildError, hasCommand, nativeBuild, readJson, readPin, sha256, tarFiles } from './lib/native-build.mjs'

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

// The one file wanted out of the npm tarball.
function extractFromTgz(tgzPath, wanted) {
  for (const { name, data } of tarFiles(tgzPath)) if (name === wanted) return Buffer.from(data)
  throw new BuildError(`${tgzPath} does not contain ${wanted}`)
}

// Returns the verified bundle bytes, fetching the tarball with `npm pack` when needed.
function fetchBundle(pin) {
  const version = pin['node-llama-cpp']
  const tgz = join(cacheDir, `node-llama-cpp-${version}.tgz`)
  for (let attempt = 0; attempt < 2; attempt++) {
    packTarball(root, 'node-llama-cpp', version, tgz)
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

const { log, run, packTarball, configure, runMain } = nativeBuild({ tag: 'build-llama', what: 'the llama.cpp tools', cacheDir, buildDir, binDir, targets })

const PIN_KEYS = ['node-llama-cpp', 'bundle-path', 'bundle-sha256']

runMain({
  envName: 'AUTODIDACTA_LLAMA_BIN',
  userBinHint: 'build them from native/ with the patches applied, or unset it',
  manifestBase: () => {
    const pin = readPin(versionFile, PIN_KEYS)
    return {
      nodeLlamaCpp: pin['node-llama-cpp'],
      bundleSha256: pin['bundle-sha256'],
      patchesSha256: hashFiles(patchesDir, patchList()),
      trainerSha256: hashFiles(trainerDir, trainerFiles),
      cmakeFlagsSha256: sha256(JSON.stringify(cmakeFlags)),
    }
  },
  prepare: (base) => {
    const pin = readPin(versionFile, PIN_KEYS)
    prepareSource(pin, patchList(), base.patchesSha256)
    configure([
      '-S', trainerDir, '-B', buildDir, ...(hasCommand('ninja') ? ['-G', 'Ninja'] : []), ...cmakeFlags,
      `-DLLAMA_SOURCE_DIR=${srcDir}`, `-DAUTODIDACTA_LLAMA_VERSION=node-llama-cpp ${pin['node-llama-cpp']}`,
    ])
  },
})
