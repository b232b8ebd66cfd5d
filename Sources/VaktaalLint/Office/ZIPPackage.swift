import Foundation
import VaktaalCore
import ZIPFoundation

/// An office document's ZIP package, opened for reading its parts safely: no encrypted
/// entries, no names that leave the package, and each part read as a stream that stops
/// at the size and compression-ratio limits, so a ZIP bomb never expands in memory.
struct ZIPPackage {
    /// No part may expand past this (200 MB).
    static let maximumPartSize: UInt64 = 200 * 1024 * 1024
    /// Nor be compressed more than this (100:1), once it is past `ratioFloor` bytes:
    /// small parts cannot be told apart by ratio.
    static let maximumRatio: UInt64 = 100
    static let ratioFloor: UInt64 = 1024 * 1024

    /// All parts read together may expand to 100 times the package's size (at least the
    /// floor, at most a gigabyte).
    static let maximumTotalSize: UInt64 = 1024 * 1024 * 1024

    /// What the parts read so far expanded to.
    private final class Expansion {
        var total: UInt64 = 0
    }

    let bytes: [UInt8]
    let directory: ZIPDirectory
    private let archive: Archive
    private let entries: [String: ZIPFoundation.Entry]
    private let expansion = Expansion()
    private let totalLimit: UInt64

    /// Opens the package in `bytes`.
    ///
    /// - Throws: ``PackageProblem`` for bytes that are no ZIP archive, an encrypted document
    ///   and entry names that point outside the package.
    init(_ bytes: [UInt8]) throws(PackageProblem) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // A compound file: Office keeps password-protected documents in one.
            let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw bytes.firstRange(of: marker) != nil ? .encrypted : .notAZIP
        }
        directory = try ZIPDirectory(bytes)
        for entry in directory.entries {
            if entry.isEncrypted { throw .encrypted }
            if Self.escapes(entry.name) { throw .pathEscapes(entry.name) }
        }
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read) else { throw .notAZIP }
        var entries: [String: ZIPFoundation.Entry] = [:]
        for entry in archive where entries[entry.path] == nil { entries[entry.path] = entry }
        self.bytes = bytes
        self.archive = archive
        self.entries = entries
        totalLimit = min(Self.maximumTotalSize, max(Self.ratioFloor, UInt64(bytes.count) * Self.maximumRatio))
    }

    /// Whether an entry name leaves the package: absolute, a drive, or `..` above its root.
    static func escapes(_ name: String) -> Bool {
        if name.hasPrefix("/") || name.hasPrefix("\\") { return true }
        if name.count >= 2, name.dropFirst().first == ":" { return true }
        var depth = 0
        for component in name.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if component == ".." {
                depth -= 1
                if depth < 0 { return true }
            } else if component != "." {
                depth += 1
            }
        }
        return false
    }

    /// Whether the package has a part named `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of the part `path`, or `nil` when there is no such part.
    ///
    /// - Throws: ``PackageProblem`` when the part is too large, too compressed or damaged.
    func part(_ path: String) throws(PackageProblem) -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        if declared > Self.maximumPartSize {
            throw .partTooLarge(part: path, size: declared, limit: Self.maximumPartSize)
        }
        if declared > Self.ratioFloor, declared / compressed > Self.maximumRatio {
            throw .compressionRatio(part: path, ratio: declared / compressed, limit: Self.maximumRatio)
        }
        if expansion.total + declared > totalLimit {
            throw .packageTooLarge(size: expansion.total + declared, limit: totalLimit)
        }
        // The sizes a header declares may lie: stop the stream where the limits are.
        let limit = min(Self.maximumPartSize, max(Self.ratioFloor, compressed * Self.maximumRatio))
        var result: [UInt8] = []
        result.reserveCapacity(Int(min(declared, limit)))
        var overrun: PackageProblem?
        do {
            let checksum = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                if UInt64(result.count + chunk.count) > limit || UInt64(result.count + chunk.count) > declared {
                    overrun =
                        UInt64(result.count + chunk.count) > Self.maximumPartSize
                        ? .partTooLarge(part: path, size: UInt64(result.count + chunk.count), limit: Self.maximumPartSize)
                        : UInt64(result.count + chunk.count) > declared
                            ? .damaged(reason: "the part '\(path)' is longer than its header says")
                            : .compressionRatio(
                                part: path, ratio: UInt64(result.count + chunk.count) / compressed, limit: Self.maximumRatio)
                    throw CancellationError()
                }
                result += chunk
            }
            guard checksum == entry.checksum else {
                throw PackageProblem.damaged(reason: "the part '\(path)' fails its checksum")
            }
        } catch let problem as PackageProblem {
            throw problem
        } catch {
            throw overrun ?? .damaged(reason: "the part '\(path)' cannot be expanded")
        }
        guard UInt64(result.count) == declared else {
            throw .damaged(reason: "the part '\(path)' is shorter than its header says")
        }
        expansion.total += declared
        return result
    }
}
