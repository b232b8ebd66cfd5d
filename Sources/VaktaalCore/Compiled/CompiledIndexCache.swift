import Foundation

/// Where compiled vocabularies are kept between runs: a cache, never a source of truth. A
/// snapshot is found by a key of its source files' paths and contents (or by the stamp of
/// files that did not change since that key was taken, see ``SourceStamp``), refused when it
/// was written by another build, cut short or damaged, and then rebuilt; it is written to a
/// temporary file and renamed, so a process never reads half a snapshot; a folder that is
/// missing or cannot be written only costs speed.
///
/// Beside each snapshot a note (`KEY.checked`) marks when it was last used and, once its
/// checksums were all found right while it had been left alone for a while, the snapshot's
/// ``FileStamp`` then: while the snapshot keeps that stamp its checksums are not computed
/// again (as for the sources, the file system vouches that it did not change), so that a
/// run starts without reading the whole snapshot.
public struct CompiledIndexCache: Sendable {
    /// How a vocabulary was had.
    public enum Outcome: Equatable, Sendable {
        /// Read from a snapshot.
        case reused
        /// Compiled from the sources, and the snapshot written.
        case stored
        /// Compiled from the sources; no snapshot could be written (the reason).
        case notStored(String)
        /// Compiled from the sources, the cache being off.
        case disabled
    }

    /// The folder snapshots are kept in; `nil` turns the cache off.
    public let folder: String?
    /// Names the build: a snapshot of any other build is refused.
    public let program: String
    /// How many snapshots are kept; the ones used longest ago go first.
    public let capacity: Int

    /// A cache in `folder` (`nil`: off) for snapshots of `program`.
    public init(folder: String?, program: String, capacity: Int = 16) {
        self.folder = folder
        self.program = program
        self.capacity = capacity
    }

    /// The user's cache folder for vaktaal: `$XDG_CACHE_HOME/vaktaal`, else `~/.cache/vaktaal`.
    public static func standardFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/vaktaal" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/vaktaal"
    }

    /// The vocabulary at `path` (a file or a folder of `*.xml`) with its lookup index, from
    /// a snapshot when one of the same sources is kept, else compiled (and kept).
    ///
    /// - Throws: ``VocabularyLoadError`` when the path does not exist or the folder has no file.
    public func load(path: String) throws(VocabularyLoadError) -> (vocabulary: CompiledVocabulary, outcome: Outcome) {
        try load(
            path: path,
            decoding: { bytes, later, file throws(SnapshotError) in
                try CompiledVocabulary(decoding: bytes, later: later, mappedFrom: file)
            }, from: { $0 })
    }

    /// What `decode` reads of the snapshot of the vocabulary at `path` when one of the same
    /// sources is kept, else what `from` makes of it compiled (and kept).
    private func load<Kept>(
        path: String, decoding decode: (UnsafeRawBufferPointer, LaterSections, MappedFile) throws(SnapshotError) -> Kept,
        from compiled: (CompiledVocabulary) -> Kept
    ) throws(VocabularyLoadError) -> (Kept, Outcome) {
        let files = try VocabularyLoader.vocabularyFiles(at: path)
        guard folder != nil else { return (compiled(CompiledVocabulary(try VocabularyLoader.load(path: path))), .disabled) }
        guard Self.areRegularFiles(files) else {
            return (compiled(CompiledVocabulary(try VocabularyLoader.load(path: path))), .notStored(Self.notRegularFile))
        }
        let found = key(of: files)
        if let found, let kept = kept(found.key, as: decode) { return (kept, .reused) }
        let (vocabulary, outcome) = try compile(path: path, files: files, found: found)
        return (compiled(vocabulary), outcome)
    }

    /// The vocabulary at `path` compiled from its `files` and kept, `found` being the key
    /// (and stamp) that ``key(of:)`` gave and no snapshot answered to.
    private func compile(path: String, files: [String], found: (key: SnapshotKey, stamp: String?)?) throws(VocabularyLoadError)
        -> (vocabulary: CompiledVocabulary, outcome: Outcome)
    {
        // Compiled from the files, under the hash of their contents before and after they are
        // read (a stamp is not trusted here). An unreadable file is reported by the loader;
        // such a vocabulary is not kept.
        guard let before = found?.stamp == nil ? found?.key : SnapshotKey(files: files, program: program) else {
            return (CompiledVocabulary(try VocabularyLoader.load(path: path)), .notStored("a file cannot be read"))
        }
        // A stamp that names other contents than the files have (a file system whose change
        // times do not move) is dropped.
        if let stamp = found?.stamp, found?.key != before { unlink(stamp) }
        let compiled = CompiledVocabulary(try VocabularyLoader.load(path: path))
        // A file changed, came or went while it was read: the snapshot would be filed under the old contents.
        guard compiled.loaded.files == files, SnapshotKey(files: files, program: program) == before else {
            return (compiled, .notStored("a file changed while it was read"))
        }
        return (compiled, store(compiled, key: before))
    }

    /// What a lookup in the vocabulary at `path` needs: from a snapshot when one of the same
    /// sources is kept (its index used where it lies, no concept read until it is shown),
    /// else compiled (and kept) as ``load(path:)`` does.
    public func loadLookup(path: String) throws(VocabularyLoadError) -> (lookup: CompiledLookup, outcome: Outcome) {
        try load(path: path, decoding: CompiledLookup.init(decoding:later:mappedFrom:), from: CompiledLookup.init)
    }

    /// What lint needs of the vocabulary at `path`: from a snapshot when one of the same
    /// sources is kept (its matcher used where it lies, no concept read until asked for),
    /// else compiled (and kept) as ``load(path:)`` does.
    public func loadTerms(path: String) throws(VocabularyLoadError) -> (terms: CompiledTerms, outcome: Outcome) {
        try load(path: path, decoding: CompiledTerms.init(decoding:later:mappedFrom:), from: CompiledTerms.init)
    }

    /// The vocabulary at `path`, from a snapshot when one of the same sources is kept, else
    /// read without indexing it or writing a snapshot (for commands that need no index).
    public func loadVocabulary(path: String) throws(VocabularyLoadError) -> LoadedVocabulary {
        let files = try VocabularyLoader.vocabularyFiles(at: path)
        if Self.areRegularFiles(files), let key = key(of: files)?.key, let kept = kept(key) { return kept.loaded }
        return try VocabularyLoader.load(path: path)
    }

    /// Why sources that are not all regular files are never kept.
    static let notRegularFile = "a source is no regular file (a pipe is read once: hashing it would leave nothing to read)"

    /// Whether each of `files` is a regular file (links followed): the cache's key is a hash
    /// of their contents, read before the files are loaded; a pipe (`<(curl …)`) is read only
    /// once, and a device never ends.
    private static func areRegularFiles(_ files: [String]) -> Bool {
        files.allSatisfy { FileKind(path: $0) == .regularFile }
    }

    /// The key of the snapshot of `files`: the one recorded for their ``SourceStamp`` when
    /// the file system says they did not change since it was (with the stamp's path), else
    /// the hash of their contents (recorded for the next run when they have settled); `nil`
    /// when the cache is off or a file cannot be read.
    private func key(of files: [String]) -> (key: SnapshotKey, stamp: String?)? {
        guard let folder else { return nil }
        let stamp = SourceStamp(files: files, program: program)
        let stampPath = stamp.map { folder + "/" + $0.name + ".stamp" }
        if let stampPath, let recorded = FileBytes.read(stampPath), recorded.count <= 64,
            let key = SnapshotKey(name: String(decoding: recorded, as: UTF8.self))
        {
            return (key, stampPath)
        }
        let start = Date().timeIntervalSince1970
        guard let key = SnapshotKey(files: files, program: program) else { return nil }
        if let stamp, let stampPath, stamp.isSettled(before: start), SourceStamp(files: files, program: program) == stamp,
            FileManager.default.fileExists(atPath: folder), let writer = try? AtomicFileWriter(path: stampPath)
        {
            try? writer.write(Array(key.name.utf8))
            try? writer.commit()
        }
        return (key, nil)
    }

    /// The snapshot kept for `key` as `decode` reads its contents, marked as used, or `nil`
    /// when there is none fit to use.
    private func kept<Kept>(
        _ key: SnapshotKey,
        as decode: (UnsafeRawBufferPointer, LaterSections, MappedFile) throws(SnapshotError) -> Kept = {
            bytes, later, file throws(SnapshotError) in try CompiledVocabulary(decoding: bytes, later: later, mappedFrom: file)
        }
    ) -> Kept? {
        guard let folder else { return nil }
        let snapshot = Self.path(of: key, in: folder)
        // Taken before the file is read: a write while it is hashed must not count as settled.
        let now = Date().timeIntervalSince1970
        guard let file = FileBytes.map(snapshot) else { return nil }
        let note = Self.notePath(of: key, in: folder)
        let checked = FileBytes.read(note).flatMap { FileStamp(text: String(decoding: $0, as: UTF8.self)) } == file.stamp
        guard let (contents, later) = try? SnapshotFile.contents(of: file, key: key, program: program, checked: checked),
            let kept = try? decode(contents, later, file)
        else { return nil }
        // The sections read later are hashed now only when the note vouching for them can be written.
        if !checked, file.stamp.isSettled(before: now), access(folder, W_OK) == 0, later.trigrams.isIntact,
            later.matcher.isIntact
        {
            Self.write(note, file.stamp.text)
        } else if utime(note, nil) != 0 {
            Self.write(note, "")
        }
        return kept
    }

    /// Writes the note beside a snapshot (a use, and maybe the stamp it was checked with).
    private static func write(_ note: String, _ text: String) {
        guard let writer = try? AtomicFileWriter(path: note) else { return }
        try? writer.write(Array(text.utf8))
        try? writer.commit()
    }

    private func store(_ compiled: CompiledVocabulary, key: SnapshotKey) -> Outcome {
        guard let folder else { return .disabled }
        let path = Self.path(of: key, in: folder)
        guard compiled.isCompilable else { return .notStored("the reading problems cannot be kept") }
        // The concepts and the trigram index are written on one core while the matcher is built on the other.
        let ((contents, trigrams), matcher) = Parallel.both(
            { (compiled.encoded(), compiled.encodedTrigrams()) }, { compiled.encodedMatcher() })
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let writer = try AtomicFileWriter(path: path)
            try writer.write(SnapshotFile.header(for: contents, later: [trigrams, matcher], key: key, program: program))
            for section in [contents, trigrams, matcher] { try writer.write(section) }
            try writer.commit()
        } catch {
            return .notStored("\(error)")
        }
        Self.write(Self.notePath(of: key, in: folder), "")
        removeOldSnapshots()
        return .stored
    }

    /// Where the snapshot of `key` is kept.
    private static func path(of key: SnapshotKey, in folder: String) -> String { folder + "/" + key.name + ".index" }

    /// Where the note beside the snapshot of `key` is kept.
    private static func notePath(of key: SnapshotKey, in folder: String) -> String { folder + "/" + key.name + ".checked" }

    /// Keeps the `capacity` snapshots used last (by their notes; a snapshot without one by its
    /// own time), and the four times as many stamps written last; notes go with their snapshots.
    private func removeOldSnapshots() {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        func modified(_ path: String) -> Date? {
            try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        }
        // Stamps are a few bytes each: several may name one snapshot (a file touched but not changed).
        for (suffix, kept) in [(".index", capacity), (".stamp", capacity * 4)] {
            let paths = names.filter { $0.hasSuffix(suffix) }.map { folder + "/" + $0 }
            guard paths.count > kept else { continue }
            let byUse = paths.map { path in
                let note = suffix == ".index" ? modified(String(path.dropLast(suffix.count)) + ".checked") : nil
                return (path, note ?? modified(path) ?? .distantPast)
            }
            for (path, _) in byUse.sorted(by: { $0.1 > $1.1 }).dropFirst(kept) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        for name in names where name.hasSuffix(".checked") {
            let snapshot = folder + "/" + name.dropLast(".checked".count) + ".index"
            if !FileManager.default.fileExists(atPath: snapshot) {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }
}
