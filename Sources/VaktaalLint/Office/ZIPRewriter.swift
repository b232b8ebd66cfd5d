import Foundation
import VaktaalCore
import ZIPFoundation

/// Writes a package with some parts replaced: every other entry is copied byte for byte
/// (local header, data, descriptor, central directory record), in the same order; a
/// replaced part is deflated anew under its own name and date.
enum ZIPRewriter {
    /// `package`'s bytes with the parts of `replacements` (by name) replaced.
    ///
    /// - Throws: ``PackageProblem/damaged(reason:)`` when a part cannot be compressed.
    static func rewrite(_ package: ZIPPackage, replacing replacements: [String: [UInt8]]) throws(PackageProblem) -> [UInt8] {
        let bytes = package.bytes
        let directory = package.directory
        // Each entry's local record runs to the next one's start (or the central directory).
        let starts = directory.entries.map(\.localOffset).sorted()
        func recordEnd(_ start: Int) -> Int {
            let index = starts.partitioningIndex { $0 > start }
            return index < starts.count ? starts[index] : directory.directory.lowerBound
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + replacements.values.reduce(0) { $0 + $1.count / 4 })
        var records: [(start: Int, bytes: [UInt8])] = []
        // Whatever precedes the first entry (nothing, in documents) stays.
        output += bytes[0..<(starts.first ?? directory.directory.lowerBound)]
        for entry in directory.entries.sorted(by: { $0.localOffset < $1.localOffset }) {
            var record = Array(bytes[entry.record])
            let newOffset = output.count
            if let content = replacements[entry.name] {
                let (data, checksum) = try deflate(content, name: entry.name)
                let flags = entry.flags & ~UInt16(0x0008)
                var header: [UInt8] = []
                append32(&header, ZIPDirectory.localHeaderSignature)
                append16(&header, 20)
                append16(&header, flags)
                append16(&header, 8)
                header += bytes[entry.localOffset + 10..<entry.localOffset + 14]  // time and date
                append32(&header, checksum)
                append32(&header, UInt32(data.count))
                append32(&header, UInt32(content.count))
                append16(&header, UInt16(entry.nameBytes.count))
                append16(&header, 0)
                output += header
                output += entry.nameBytes
                output += data
                set16(&record, 8, flags)
                set16(&record, 10, 8)
                set32(&record, 16, checksum)
                set32(&record, 20, UInt32(data.count))
                set32(&record, 24, UInt32(content.count))
            } else {
                output += bytes[entry.localOffset..<recordEnd(entry.localOffset)]
            }
            set32(&record, 42, UInt32(newOffset))
            records.append((entry.record.lowerBound, record))
        }
        // The central directory keeps its own order.
        let directoryStart = output.count
        for record in records.sorted(by: { $0.start < $1.start }) { output += record.bytes }
        var end = Array(bytes[directory.end])
        set32(&end, 12, UInt32(output.count - directoryStart))
        set32(&end, 16, UInt32(directoryStart))
        output += end
        return output
    }

    /// Raw deflate of `content`, and its CRC-32.
    private static func deflate(_ content: [UInt8], name: String) throws(PackageProblem) -> (data: [UInt8], checksum: UInt32) {
        let source = Data(content)
        var compressed: [UInt8] = []
        do {
            let checksum = try Data.compress(size: Int64(source.count), bufferSize: 1 << 16) { position, size in
                source.subdata(in: Int(position)..<Int(position) + size)
            } consumer: { chunk in
                compressed += chunk
            }
            return (compressed, checksum)
        } catch {
            throw .damaged(reason: "the part '\(name)' could not be compressed")
        }
    }

    private static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    private static func set16(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }

    private static func set32(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[offset + index] = UInt8((value >> UInt32(8 * index)) & 0xFF) }
    }
}
