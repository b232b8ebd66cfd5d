/// A fast 128-bit hash of bytes (a wyhash-style multiply-fold over 16-byte blocks in two
/// lanes), for cache keys and checksums: it tells changed contents apart, it is no defence
/// against someone who crafts collisions.
package struct ContentHash {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    private static let keys: (UInt64, UInt64, UInt64, UInt64) = (
        0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3, 0x5899_65CC_7537_4CC3
    )

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Adds `bytes` to the hash.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let keys = Self.keys
        while offset + 16 <= bytes.count {
            let low = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            first = Self.fold(low ^ keys.0, high ^ first)
            second = Self.fold(high ^ keys.2, low ^ second ^ keys.3)
            offset += 16
        }
        var tail: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        first = Self.fold(tail.0 ^ keys.1, tail.1 ^ first)
        second = Self.fold(tail.1 ^ keys.3, tail.0 ^ second)
        length &+= UInt64(bytes.count)
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(_ text: String) { update(Array(text.utf8)) }

    /// The hash of everything added, as two words.
    var value: (UInt64, UInt64) {
        let keys = Self.keys
        return (Self.fold(first ^ keys.0, length ^ keys.1), Self.fold(second ^ keys.2, length ^ first ^ keys.3))
    }

    /// A hash as 32 hexadecimal digits (a file name, a note of which version was seen).
    package static func hex(_ hash: (UInt64, UInt64)) -> String {
        func digits(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return digits(hash.0) + digits(hash.1)
    }

    /// The hash of `bytes` alone.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.value
    }

    /// A hash of nothing yet.
    init() {}

    /// A hash whose start depends on `seed`: a table keyed by it, seeded at random, cannot be
    /// filled with keys crafted to collide.
    init(seed: UInt64) {
        first ^= seed
        second ^= seed.byteSwapped
    }
}

extension ContentHash {
    /// The bytes of one piece of ``ofPieces(_:)``.
    static let pieceSize = 1 << 22

    /// A checksum of `bytes` taken on all cores: the hash of the hashes of their 4 MB pieces.
    static func ofPieces(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let pieceCount = (bytes.count + pieceSize - 1) / pieceSize
        // The bytes are only read, and outlive the parallel work.
        nonisolated(unsafe) let bytes = bytes
        let hashes = Parallel.mapEach(pieceCount) { piece in
            ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[piece * pieceSize..<min(bytes.count, (piece + 1) * pieceSize)]))
        }
        var combined = ContentHash()
        for hash in hashes { withUnsafeBytes(of: hash) { combined.update($0) } }
        return combined.value
    }
}
