import Foundation
import VaktaalConfig
import VaktaalCore

/// The documents a lint run covers: files named on the command line as they are (but those
/// the configuration's `ignore` globs leave out), and in folders, recursively, the files of
/// known document types, leaving out hidden files and folders, `node_modules`, Office's owner files (`~$…`),
/// simple `.gitignore` patterns, the configuration's `ignore` globs, and what is no file
/// (pipes, devices, sockets).
enum DocumentWalker {
    /// The files under `paths` in path order, each once (`a.txt ./a.txt` is one file); a path
    /// that does not exist is returned as is (the caller reports it), even one the `ignore`
    /// globs match.
    static func files(for paths: [String], ignoring: (String) -> Bool) -> [String] {
        var result: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if exists, isFolder.boolValue {
                result += walk(path, ignoring: ignoring)
            } else if path == "-" || !exists || !ignoring(path) {
                // A file named as it is follows the configuration's `ignore` too, as textlint
                // and markdownlint do: `git diff --name-only | xargs vaktaal lint` lints what the
                // folder's own walk would.
                result.append(path)
            }
        }
        var seen: Set<String> = []
        return result.filter { $0 == "-" || seen.insert(StandardPaths.standardized($0)).inserted }
    }

    private static func walk(_ folder: String, ignoring: (String) -> Bool) -> [String] {
        var result: [String] = []
        var stack = [(folder: folder, patterns: [String]())]
        // Folders by their real path: a symbolic link back up the tree is walked only once.
        var visited: Set<String> = []
        while let (current, inherited) = stack.popLast() {
            guard visited.insert(URL(fileURLWithPath: current).resolvingSymlinksInPath().path).inserted else { continue }
            let patterns = inherited + gitignorePatterns(in: current)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            // `~$report.docx` is the owner file Office keeps beside a document that is open.
            for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("~$") {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                if patterns.contains(where: { Glob.matches($0, name, braces: false) }) || ignoring(path) { continue }
                // Links followed; a pipe, device or socket is passed over, as ripgrep does.
                switch FileKind(path: path) {
                case .folder:
                    // Installed packages are no one's documents (textlint and markdownlint-cli2 pass them over too).
                    guard name != "node_modules" else { continue }
                    stack.append((path, patterns))
                case .regularFile where DocumentReaders.isDocument(name):
                    result.append(path)
                default:
                    continue
                }
            }
        }
        return result.sorted()
    }

    /// The simple patterns of a `.gitignore` (names and `*.ext` globs; negations and
    /// anchored paths are left out).
    private static func gitignorePatterns(in folder: String) -> [String] {
        guard let text = try? String(contentsOfFile: folder + "/.gitignore", encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("!") && !$0.dropLast().contains("/") }
            .map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }
}
