import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// Whole files are read into one array of their size (a large one asking for huge pages, and
/// read in parts side by side), and a file whose size says nothing (as those of /proc) is
/// still read to its end.
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
}
