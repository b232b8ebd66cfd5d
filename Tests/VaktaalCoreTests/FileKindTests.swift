import Foundation
import Testing

@testable import VaktaalCore

/// What a path names, links followed.
@Suite struct FileKindTests {
    @Test func filesFoldersPipesAndDevicesAreToldApart() throws {
        let folder = try temporaryFolder()
        try "x".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        #expect(mkfifo(folder + "/pipe", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/a.txt")
        #expect(FileKind(path: folder) == .folder)
        #expect(FileKind(path: folder + "/a.txt") == .regularFile && FileKind(path: folder + "/link") == .regularFile)
        #expect(FileKind(path: folder + "/pipe") == .pipe)
        #expect(FileKind(path: "/dev/null") == .other)
        #expect(FileKind(path: folder + "/missing") == nil)
    }
}
