/// UTF-8 text built up byte run by byte run: reports of a million findings, exports of
/// hundreds of megabytes in small pieces.
///
/// The buffer is its own (it cannot be copied, only moved, so two values never share or
/// twice free its memory), so an append is a bounds check and a copy: no check that the
/// buffer is shared, which an array makes on every append and which costs more than the
/// few bytes most appends add. The appends are inlined where they are called.
public struct TextBuffer: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var count = 0

    /// How many bytes there are so far.
    public var byteCount: Int { count }

    /// An empty text, with room for `capacity` bytes before it grows.
    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The text so far.
    public var text: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// Hands the bytes so far to `output` and starts over, for writing a long text out in pieces.
    public mutating func drain(into output: (UnsafeRawBufferPointer) -> Void) {
        output(UnsafeRawBufferPointer(start: start, count: count))
        count = 0
    }

    /// Appends a byte.
    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        (start + count).initialize(to: byte)
        count += 1
    }

    /// Appends a run of bytes.
    @inlinable
    public mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count)
        (start + count).initialize(from: source, count: run.count)
        count += run.count
    }

    /// Appends a string's UTF-8 bytes.
    @inlinable
    public mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends a number in decimal digits (labelled: a literal byte must not be taken for one).
    public mutating func append(decimal value: Int) {
        reserve(Self.longestDecimal)
        count += Self.writeDecimal(value, at: start + count)
    }

    /// The most bytes a number takes in decimal digits: a sign and nineteen digits.
    @inlinable public static var longestDecimal: Int { 20 }

    /// Writes `value` in decimal digits at `place`, where there is room for them
    /// (``longestDecimal``); how many bytes it wrote.
    @usableFromInline
    static func writeDecimal(_ value: Int, at place: UnsafeMutablePointer<UInt8>) -> Int {
        var place = place
        if value < 0 {
            place.initialize(to: UInt8(ascii: "-"))
            place += 1
        }
        var magnitude = value.magnitude
        let digitCount = Self.digitCount(of: magnitude)
        // The digits are written in place, two at a time from the last (most numbers of a
        // report are lines and columns of a few digits).
        var end = digitCount
        let pairs = Self.digitPairs.utf8Start
        while magnitude >= 10 {
            let pair = Int(magnitude % 100)
            magnitude /= 100
            end -= 2
            (place + end).initialize(to: pairs[2 * pair])
            (place + end + 1).initialize(to: pairs[2 * pair + 1])
        }
        if end > 0 { place.initialize(to: UInt8(ascii: "0") + UInt8(magnitude)) }
        return digitCount + (value < 0 ? 1 : 0)
    }

    /// How many decimal digits `value` has (1 for 0, which `| 1` counts as 1, a change that
    /// never crosses a power of ten): estimated from its bit length (log₁₀ 2 is about
    /// 1233 / 4096), then one more when it reaches the next power of ten; no loop over the
    /// digits (a report writes several numbers for each of a million findings).
    private static func digitCount(of value: UInt) -> Int {
        let value = UInt64(value) | 1
        let estimate = ((64 - value.leadingZeroBitCount) &* 1233) >> 12
        return estimate + (value >= powersOfTen[estimate] ? 1 : 0)
    }

    /// 10⁰ to 10¹⁹, the powers of ten below 2⁶⁴: a literal, which the compiler lays out in
    /// the binary (made by a closure, it was made on first use, and every number asked
    /// whether it had been).
    private static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// The two digits of each number below 100, "00" to "99", one after the other (a literal:
    /// no table to make on first use).
    private static var digitPairs: StaticString {
        """
        0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
        5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
        """
    }

    /// Appends `byte` `repeats` times.
    @inlinable
    public mutating func append(_ byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (start + count).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    /// Lets `body` write at most `maximum` bytes in place after those so far; it returns how
    /// many it wrote.
    public mutating func write(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += body(start + count)
    }

    /// Lets `body` write at most `maximum` bytes in place after those so far, through a
    /// cursor that makes no room itself (``TextCursor``): a record of a few fixed runs and
    /// numbers is written with one look at the room left, not one for each of its parts.
    /// Writing more than `maximum` bytes is a programming error: a debug build stops at the
    /// write that would pass the room, a release build once `body` is done.
    @inlinable
    public mutating func write(reserving maximum: Int, _ body: (inout TextCursor) -> Void) {
        reserve(maximum)
        var cursor = TextCursor(start + count, room: maximum)
        body(&cursor)
        let written = cursor.position - (start + count)
        precondition(written <= maximum, "a cursor wrote past the room made for it")
        count += written
    }

    /// Makes room for `more` bytes after those so far.
    @inlinable @inline(__always)
    mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(toHold: count + more) }
    }

    @usableFromInline
    mutating func grow(toHold needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        (start, capacity) = (moved, larger)
    }
}

/// Where bytes are written in room made for them beforehand (``TextBuffer/write(reserving:_:)``):
/// it copies runs and writes numbers, and moves past them. It cannot be copied, so it cannot
/// be kept past the write it was made for.
public struct TextCursor: ~Copyable {
    /// Where the next byte goes.
    @usableFromInline var position: UnsafeMutablePointer<UInt8>
    /// Where the room made ends (checked in debug builds).
    @usableFromInline let end: UnsafeMutablePointer<UInt8>

    @usableFromInline
    init(_ position: UnsafeMutablePointer<UInt8>, room: Int) {
        self.position = position
        end = position + room
    }

    /// Writes a run of bytes.
    @inlinable
    public mutating func put(_ run: UnsafeRawBufferPointer) {
        guard let source = run.baseAddress else { return }
        assert(run.count <= end - position, "a run written past the room made for it")
        UnsafeMutableRawPointer(position).copyMemory(from: source, byteCount: run.count)
        position += run.count
    }

    /// Writes a number in decimal digits (at most ``TextBuffer/longestDecimal`` bytes).
    @inlinable
    public mutating func put(decimal value: Int) {
        assert(TextBuffer.longestDecimal <= end - position, "a number written past the room made for it")
        position += TextBuffer.writeDecimal(value, at: position)
    }
}
