import Testing
import VaktaalText

@Suite struct FilePathsTests {
    /// The folder of a path, for the names Foundation's path methods trap on too (a name of
    /// one character, a path ending in a slash).
    @Test(arguments: [
        ("z", ""), ("-", ""), ("é", ""), ("ab", ""), ("a/", ""), ("", ""), ("a/b", "a"), ("a//b", "a"), ("a/b/", "a"),
        ("/a", "/"), ("/", "/"), ("//", "/"), ("./a", "."), ("../x/out.ttl", "../x"), ("/tmp/ü/ç.csv", "/tmp/ü"),
    ])
    func theFolderOfAPath(path: String, folder: String) {
        #expect(FilePaths.folder(of: path) == folder)
    }
}
