import Foundation
import VaktaalConfig
import VaktaalText

extension VocabularyOptions {
    /// The folder pull and publish work in: `--vocabulary` and the usual search, the folder of
    /// a file named there, else `./Vocabulary` (made by the first pull).
    func folder() throws(ConfigurationError) -> String {
        guard case .path(let path) = try location() else { return "Vocabulary" }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            let parent = FilePaths.folder(of: path)
            return parent.isEmpty ? "." : parent
        }
        return path
    }
}
