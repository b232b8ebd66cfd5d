/// How a file ends its lines: what a tool that rewrites part or all of it keeps, so that a
/// file kept with CR LF (as Windows editors write it) does not change on every line. XML
/// reads CR LF, a lone CR and LF alike, in text too, so the bytes mean the same either way.
public enum LineEnding: Sendable, Equatable {
    case lineFeed
    case carriageReturnLineFeed
    case carriageReturn

    /// How the first line of `bytes` ends; a line feed for bytes of one line.
    public init(of bytes: some Collection<UInt8>) {
        guard let first = bytes.firstIndex(where: { $0 == 10 || $0 == 13 }) else {
            self = .lineFeed
            return
        }
        let next = bytes.index(after: first)
        switch (bytes[first], next < bytes.endIndex ? bytes[next] : 0) {
        case (13, 10): self = .carriageReturnLineFeed
        case (13, _): self = .carriageReturn
        default: self = .lineFeed
        }
    }

    /// The bytes that end a line.
    public var bytes: [UInt8] {
        switch self {
        case .lineFeed: [10]
        case .carriageReturnLineFeed: [13, 10]
        case .carriageReturn: [13]
        }
    }

    /// `written`, whose lines end with a line feed (as the canonical writer writes), with its
    /// lines ended so.
    public func applied(to written: [UInt8]) -> [UInt8] {
        guard self != .lineFeed else { return written }
        let end = bytes
        var result: [UInt8] = []
        result.reserveCapacity(written.count + written.count / 32)
        for byte in written {
            if byte == 10 { result += end } else { result.append(byte) }
        }
        return result
    }
}
