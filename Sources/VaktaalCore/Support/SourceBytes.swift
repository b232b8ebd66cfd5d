/// The bytes of a file to read, read-only: held in an array, or a file's own pages mapped
/// into memory (``FileBytes/contents(_:)``), which a large input needs neither copied nor
/// cleared for.
public struct SourceBytes: Sendable {
    private enum Storage: Sendable {
        case array([UInt8])
        case mapped(MappedFile)
    }

    private let storage: Storage

    /// Bytes held in memory.
    public init(_ bytes: [UInt8]) {
        storage = .array(bytes)
    }

    /// A mapped file's bytes, valid for as long as the value lives.
    init(_ file: MappedFile) {
        storage = .mapped(file)
    }

    /// How many bytes there are.
    public var count: Int {
        switch storage {
        case .array(let bytes): bytes.count
        case .mapped(let file): file.bytes.count
        }
    }

    /// The bytes as an array: the one held, or a copy of the mapped ones.
    public var array: [UInt8] {
        switch storage {
        case .array(let bytes): bytes
        case .mapped(let file): Array(file.bytes.bindMemory(to: UInt8.self))
        }
    }

    /// Whether the bytes are a file's, mapped.
    var isMapped: Bool {
        if case .mapped = storage { true } else { false }
    }

    /// Calls `body` with the bytes, which stay where they are for the call.
    public func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        switch storage {
        case .array(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .mapped(let file): return try body(file.bytes.bindMemory(to: UInt8.self))
        }
    }
}
