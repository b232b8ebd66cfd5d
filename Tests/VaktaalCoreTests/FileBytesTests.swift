import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// Whole files are read into one array of their size (a large one asking for huge pages, and
/// read in parts side by side), and a file whose size says nothing (as those of /proc) is
/// still read to its end. Files to read from a megabyte up are mapped instead.
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
        #expect(contents == SourceBytes(bytes))
        #expect(FileBytes.contents(folder + "/input") == SourceBytes(Array("replaced".utf8)))
    }

    @Test func foldersMissingFilesAndFilesWithoutASizeAreNotMapped() throws {
        let folder = try scratchFolder("bytes")
        #expect(FileBytes.contents(folder) == nil)
        #expect(FileBytes.contents(folder + "/missing") == nil)
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            let status = try #require(FileBytes.contents("/proc/self/status"))
            #expect(!status.isMapped && String(decoding: status.array, as: UTF8.self).contains("Name:"))
        }
    }
}
