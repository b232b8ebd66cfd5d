/// Path operations on file system paths as users write them. (Foundation's
/// `NSString.deletingLastPathComponent` traps on Linux for a one-character name such as
/// `-o z` or `-o -`, and for `a/`.)
public enum FilePaths {
    /// The folder that holds what `path` names, as written: `""` for a bare name (the working
    /// folder), `"/"` for a name at the root; slashes that end `path` are passed over.
    public static func folder(of path: String) -> String {
        var utf8 = Substring(path).utf8[...]
        while utf8.count > 1, utf8.last == UInt8(ascii: "/") { utf8 = utf8.dropLast() }
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var folder = utf8[..<slash]
        while folder.count > 1, folder.last == UInt8(ascii: "/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(Substring(folder))
    }
}
