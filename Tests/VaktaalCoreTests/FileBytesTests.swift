import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// Whole files are read into one array of their size (a large one read in parts side by
/// side), and a file whose size says nothing (as those of /proc) is still read to its end. Files to read from a megabyte up are mapped instead.
@Suite struct FileBytesTests {
    @Test(arguments: [0, 1, 65_535, 65_536, 200_003, 5 << 20 + 17, 9 << 20 + 3])
    func aFileIsReadWhole(size: Int) throws {
        let path = try scratchFolder("bytes") + "/file"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(FileBytes.read(path) == bytes)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "needs /proc"))
    func aFileWithoutASizeIsReadToItsEnd() throws {
        let status = try #require(FileBytes.read("/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
    }

    @Test func foldersAndMissingFilesAreNotRead() throws {
        let folder = try scratchFolder("bytes")
        #expect(FileBytes.read(folder) == nil)
        #expect(FileBytes.read(folder + "/missing") == nil)
    }

    @Test(arguments: [0, 1, 65_535, 1 << 20 - 1, 1 << 20, 5 << 20 + 17])
    func aFileIsMappedFromAMegabyteUp(size: Int) throws {
        let path = try scratchFolder("bytes") + "/file"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let contents = try #require(FileBytes.contents(path))
        #expect(contents == SourceBytes(bytes))
        #expect(contents.count == size)
        #expect(contents.isMapped == (size >= FileBytes.smallestToMap))
    }

    /// A merge writes its result over an input it mapped by renaming a new file over it: what
    /// was mapped stays the input as it was read.
    @Test func aMappedFileReplacedByRenamingKeepsItsBytes() throws {
        let folder = try scratchFolder("bytes")
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/input"))
        let contents = try #require(FileBytes.contents(folder + "/input"))
        try AtomicFile.write("replaced", to: folder + "/input")
        #expect(contents.isMapped)
        #expect(contents == SourceBytes(bytes))
        #expect(FileBytes.contents(folder + "/input") == SourceBytes(Array("replaced".utf8)))
    }

    @Test func foldersAndMissingFilesHaveNoContents() throws {
        let folder = try scratchFolder("bytes")
        #expect(FileBytes.contents(folder) == nil)
        #expect(FileBytes.contents(folder + "/missing") == nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "needs /proc"))
    func aFileWithoutASizeIsReadNotMapped() throws {
        let status = try #require(FileBytes.contents("/proc/self/status"))
        #expect(!status.isMapped && String(decoding: status.array, as: UTF8.self).contains("Name:"))
    }

    /// A named pipe is opened once and read to its end, as its writer wrote it: opening it
    /// twice would lose what the writer wrote before the second open and then wait forever.
    @Test func aNamedPipeIsReadOnceToItsEnd() throws {
        let path = try scratchFolder("bytes") + "/pipe"
        try #require(mkfifo(path, 0o600) == 0)
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            bytes.withUnsafeBytes { buffer in
                var done = 0
                while done < buffer.count {
                    let wrote = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                    guard wrote > 0 else { break }
                    done += wrote
                }
            }
            close(descriptor)
        }
        writer.start()
        let contents = try #require(FileBytes.contents(path))
        #expect(!contents.isMapped)
        #expect(contents == SourceBytes(bytes))
    }
}

extension SourceBytes: Equatable {
    /// Whether the two hold the same bytes, wherever they are kept.
    public static func == (left: SourceBytes, right: SourceBytes) -> Bool {
        left.withUnsafeBufferPointer { a in right.withUnsafeBufferPointer { b in a.elementsEqual(b) } }
    }
}
