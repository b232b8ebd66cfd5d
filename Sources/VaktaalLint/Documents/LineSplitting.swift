/// The lines of a text, each ended by LF, CR or CR LF (the last may have no end).
enum LineSplitting {
    /// Hands each line from `start` to `body`, in order, until `body` returns `false`: its
    /// content (without the line end) and the whole line (with it).
    ///
    /// A text without a CR, the usual case, has its line ends found with `memchr`.
    static func forEachLine(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (_ content: Range<Int>, _ full: Range<Int>) -> Bool
    ) {
        let hasCarriageReturns = ByteSearch.firstOffset(of: 0x0D, in: bytes, range: start..<bytes.count) != nil
        var lineStart = start
        while lineStart < bytes.count {
            var end = lineStart
            if hasCarriageReturns {
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            } else {
                end = ByteSearch.firstOffset(of: 0x0A, in: bytes, range: lineStart..<bytes.count) ?? bytes.count
            }
            var next = min(end + 1, bytes.count)
            if end < bytes.count, bytes[end] == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
            guard body(lineStart..<end, lineStart..<next) else { return }
            lineStart = next
        }
    }
}
