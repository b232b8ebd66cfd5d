import VaktaalText

/// UTF-8 text built up byte run by byte run, for reports of a million findings.
///
/// The buffer is its own (it cannot be copied, only moved), so an append is a bounds check
/// and a copy: no check that the buffer is shared, which an array makes on every append and
/// which costs more than the few bytes most appends add.
package struct TextBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes there are so far.
    package private(set) var byteCount = 0

    /// An empty text.
    package init() {
        capacity = 1 << 12
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// The text so far.
    package var text: String { String(decoding: UnsafeBufferPointer(start: start, count: byteCount), as: UTF8.self) }

    /// Hands the bytes so far to `output` and starts over, for writing a long text out in pieces.
    package mutating func drain(into output: (UnsafeRawBufferPointer) -> Void) {
        output(UnsafeRawBufferPointer(start: start, count: byteCount))
        byteCount = 0
    }

    /// Appends a byte.
    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        reserve(1)
        start[byteCount] = byte
        byteCount += 1
    }

    /// Appends a run of bytes.
    package mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count)
        (start + byteCount).update(from: source, count: run.count)
        byteCount += run.count
    }

    /// Appends a string's UTF-8 bytes.
    package mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends a number in decimal digits (labelled: a literal byte must not be taken for one).
    package mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Room for the 19 digits of Int.min's magnitude, filled from the end.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var first = buffer.count
            repeat {
                first -= 1
                buffer[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[first...]))
        }
    }

    /// Appends `byte` `count` times.
    package mutating func append(_ byte: UInt8, count: Int) {
        guard count > 0 else { return }
        reserve(count)
        (start + byteCount).initialize(repeating: byte, count: count)
        byteCount += count
    }

    /// Makes room for `more` bytes after those so far.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if byteCount + more > capacity { grow(toHold: byteCount + more) }
    }

    private mutating func grow(toHold needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: start, count: byteCount)
        start.deallocate()
        (start, capacity) = (moved, larger)
    }
}
