import Foundation
import VaktaalCore

/// The published versions of each scheme, kept as files next to the vocabulary:
/// `<folder>/.vaktaal/versions/<scheme>/<revision>.xml`, so that the folder alone is the
/// whole state of a one-machine service. Without a folder (the built-in vocabulary) it
/// keeps them in memory.
struct VersionHistory: Sendable {
    /// Where the versions are kept; `nil` keeps them in memory.
    let root: String?
    /// How many versions of a scheme are kept; older ones are removed (and asked-for
    /// changes since them answer 410 Gone).
    let retention: Int
    private var memory: [String: [(version: PublishedVersion, bytes: [UInt8])]] = [:]

    init(folder: String?, retention: Int) {
        root = folder.map { ($0 as NSString).appendingPathComponent(".vaktaal/versions") }
        self.retention = max(1, retention)
    }

    /// The kept versions of a scheme, oldest first.
    func versions(of scheme: String) -> [PublishedVersion] {
        guard let root else { return memory[scheme]?.map(\.version) ?? [] }
        let folder = (root as NSString).appendingPathComponent(scheme)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> PublishedVersion? in
            guard name.hasSuffix(".xml"), let revision = Int(name.dropLast(4)) else { return nil }
            let path = (folder as NSString).appendingPathComponent(name)
            guard let bytes = FileBytes.read(path) else { return nil }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            return PublishedVersion(revision: revision, etag: ETag.of(bytes), published: modified)
        }
        .sorted { $0.revision < $1.revision }
    }

    /// The content of a kept version.
    func content(of scheme: String, revision: Int) -> [UInt8]? {
        guard let root else { return memory[scheme]?.first { $0.version.revision == revision }?.bytes }
        return FileBytes.read((root as NSString).appendingPathComponent("\(scheme)/\(revision).xml"))
    }

    /// Records `bytes` as the next version of `scheme`, unless they are the latest already.
    ///
    /// - Returns: The version that now holds `bytes`.
    /// - Throws: ``FileWriteError`` when the version cannot be written.
    mutating func record(_ bytes: [UInt8], of scheme: String, at date: Date = Date()) throws(FileWriteError) -> PublishedVersion {
        let existing = versions(of: scheme)
        if let latest = existing.last, content(of: scheme, revision: latest.revision) == bytes { return latest }
        let version = PublishedVersion(revision: (existing.last?.revision ?? 0) + 1, etag: ETag.of(bytes), published: date)
        guard let root else {
            memory[scheme, default: []].append((version, bytes))
            memory[scheme] = Array(memory[scheme, default: []].suffix(retention))
            return version
        }
        let folder = (root as NSString).appendingPathComponent(scheme)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .failed(path: folder, operation: "create the folder", reason: error.localizedDescription)
        }
        try AtomicFile.write(bytes, to: (folder as NSString).appendingPathComponent("\(version.revision).xml"))
        for old in (existing + [version]).dropLast(retention) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("\(old.revision).xml"))
        }
        return version
    }
}

/// Strong entity tags from content.
enum ETag {
    /// `"sha256-…"`, quoted as the header carries it.
    static func of(_ bytes: [UInt8]) -> String { "\"sha256-\(SHA256.hex(bytes))\"" }
}
