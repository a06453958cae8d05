// The IPFS import workloads of IpfsImportBenchmark on ipfs-unixfs-importer, configured as the vectors of
// shared/testdata/ipfs/FORMAT.md were ("js-importer-kubo-profile"), into a black-hole blockstore (blocks are
// hashed and dropped, as Kubo's `ipfs add --only-hash` does). The input comes from the same generator as the
// Java side (IpfsBenchmarkInput.java), so both must print the same root ids; benchmarks/ipfs-bench.sh checks.
//
// Usage: node import-throughput.mjs [file bytes (1 GiB)] [small files (10000)] [runs (5)] [warm-ups (1)]
// Prints one RESULT line per measured import and BASELINE lines for the generator and Node's SHA-256.
import { createCipheriv, createHash } from 'node:crypto'
import { BlackHoleBlockstore } from 'blockstore-core'
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'

const MiB = 1024 * 1024
const fileBytes = Number(process.argv[2] ?? 1024 * MiB)
const smallFiles = Number(process.argv[3] ?? 10000)
const runs = Number(process.argv[4] ?? 5)
const warmUps = Number(process.argv[5] ?? 1)

// The generator, as BenchmarkInput.java defines it: a 1 MiB pool of Kubo's deterministic ChaCha20 stream
// (key = SHA-256 of the seed, zero nonce, counter 0) repeated, with the offset of every 4 KiB block written
// over its first 8 bytes (big-endian), so that no two chunks of a file are alike.
const POOL_BYTES = MiB
const STAMP_INTERVAL = 4096
const LARGE_SEED = 'citrate-ipfs-bench-large'
const SMALL_SEED = 'citrate-ipfs-bench-small'

function chacha20Pool (seed) {
  const key = createHash('sha256').update(seed, 'utf8').digest()
  // OpenSSL's chacha20 takes a 16-byte IV: the 32-bit block counter (little-endian) then the 96-bit nonce.
  const cipher = createCipheriv('chacha20', key, Buffer.alloc(16))
  return new Uint8Array(cipher.update(Buffer.alloc(POOL_BYTES)))
}

/** Fills target with the stream's bytes from offset on. */
function fill (pool, target, offset) {
  let written = 0
  while (written < target.length) {
    const at = (offset + written) % POOL_BYTES
    const n = Math.min(target.length - written, POOL_BYTES - at)
    target.set(pool.subarray(at, at + n), written)
    written += n
  }
  const end = offset + target.length
  for (let block = offset - (offset % STAMP_INTERVAL); block < end; block += STAMP_INTERVAL) {
    const high = Math.floor(block / 2 ** 32)
    const low = block >>> 0
    for (let k = 0; k < 8; k++) {
      const position = block + k
      if (position >= offset && position < end) {
        const word = k < 4 ? high : low
        target[position - offset] = (word >>> (8 * (3 - (k % 4)))) & 0xff
      }
    }
  }
}

/** The large file as the importer reads it: fresh 1 MiB buffers, since the chunker keeps views into them. */
async function * largeFile (pool, size) {
  for (let offset = 0; offset < size; offset += MiB) {
    const piece = new Uint8Array(Math.min(MiB, size - offset))
    fill(pool, piece, offset)
    yield piece
  }
}

/** File i holds 1 KiB to 8 KiB, the next bytes of one continuous stream; its name is file-NNNNN.bin. */
function smallFileSet (count) {
  const pool = chacha20Pool(SMALL_SEED)
  const files = []
  let offset = 0
  for (let i = 0; i < count; i++) {
    const size = 1024 + (i * 7919) % 7169
    const content = new Uint8Array(size)
    fill(pool, content, offset)
    offset += size
    files.push({ path: `bench/file-${String(i).padStart(5, '0')}.bin`, content })
  }
  return { files, bytes: offset }
}

function options (cidVersion) {
  return {
    cidVersion,
    rawLeaves: cidVersion === 1,
    leafType: 'file',
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: 262144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    shardSplitThresholdBytes: 262144,
    shardSplitStrategy: 'links-bytes',
    shardFanoutBits: 8,
    fieldOrder: 'links-first',
    wrapWithDirectory: false
  }
}

async function lastEntry (source) {
  let last
  for await (const entry of source) {
    last = entry
  }
  return last
}

function mibs (bytes, nanos) {
  return (bytes / MiB) / (Number(nanos) / 1e9)
}

async function measure (label, bytes, work) {
  for (let i = 0; i < warmUps; i++) {
    await work()
  }
  for (let run = 1; run <= runs; run++) {
    const cpuStart = process.cpuUsage()
    const start = process.hrtime.bigint()
    const root = await work()
    const nanos = process.hrtime.bigint() - start
    const cpu = process.cpuUsage(cpuStart)
    console.log(`RESULT side=js ${label} run=${run} bytes=${bytes} seconds=${(Number(nanos) / 1e9).toFixed(3)} ` +
      `mibs=${mibs(bytes, nanos).toFixed(1)} cpu_seconds=${((cpu.user + cpu.system) / 1e6).toFixed(3)} root=${root}`)
  }
}

/** The median over runs of bytes / the nanoseconds that work reports (warm-ups first). */
async function baseline (what, bytes, work) {
  const rates = []
  for (let run = -warmUps; run < runs; run++) {
    const nanos = await work()
    if (run >= 0) rates.push(mibs(bytes, nanos))
  }
  rates.sort((a, b) => a - b)
  console.log(`BASELINE side=js what=${what} bytes=${bytes} mibs=${rates[Math.floor(rates.length / 2)].toFixed(1)}`)
}

const blockstore = new BlackHoleBlockstore()
const largePool = chacha20Pool(LARGE_SEED)

if (fileBytes > 0) {
  await baseline('generator', fileBytes, async () => {
    const start = process.hrtime.bigint()
    for await (const piece of largeFile(largePool, fileBytes)) {
      if (piece.length === 0) throw new Error('the generator gave an empty piece')
    }
    return process.hrtime.bigint() - start
  })
  // SHA-256 of each 256 KiB piece of the same bytes, only the hashing timed: Node's crypto, which the importer's
  // hasher (multiformats' sha256) calls.
  await baseline('sha256-256KiB', fileBytes, async () => {
    let nanos = 0n
    for await (const piece of largeFile(largePool, fileBytes)) {
      for (let at = 0; at < piece.length; at += 262144) {
        const start = process.hrtime.bigint()
        createHash('sha256').update(piece.subarray(at, at + 262144)).digest()
        nanos += process.hrtime.bigint() - start
      }
    }
    return nanos
  })
  for (const cidVersion of [0, 1]) {
    await measure(`subject=large cid=${cidVersion} sink=discard`, fileBytes, async () => {
      const root = await lastEntry(importer([{ content: largeFile(largePool, fileBytes) }], blockstore,
        options(cidVersion)))
      return root.cid.toString()
    })
  }
}

if (smallFiles > 0) {
  const { files, bytes } = smallFileSet(smallFiles)
  for (const cidVersion of [0, 1]) {
    await measure(`subject=small cid=${cidVersion} sink=discard files=${smallFiles}`, bytes, async () => {
      const root = await lastEntry(importer(files, blockstore, options(cidVersion)))
      if (root.path !== 'bench') throw new Error(`the last entry is ${root.path}, not the directory`)
      return root.cid.toString()
    })
  }
}

console.log(`MEMORY side=js max_rss_mib=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`)
