import CCacheHints

/// A read-only array of fixed-width numbers that lies either in memory of its own or in a
/// mapped snapshot file, so that an index read back from a snapshot is used where it lies
/// instead of being copied into fresh memory page by page.
struct Column<Element: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps the memory alive: an ``OwnedElements`` or the ``MappedFile`` it lies in.
    private let owner: AnyObject
    private let base: UnsafePointer<Element>?
    let count: Int

    /// A column of `elements`, copied into memory of its own.
    init(_ elements: [Element]) {
        let owned = OwnedElements(elements)
        owner = owned
        base = owned.base
        count = elements.count
    }

    /// A column of `count` elements at `base`, kept alive by `owner` (which never changes them).
    init(_ base: UnsafePointer<Element>?, count: Int, owner: AnyObject) {
        self.owner = owner
        self.base = base
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "column index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The element at `position`, which the caller has checked lies in the column: a hot
    /// loop checks the range it reads once, not every element.
    @inline(__always)
    func element(uncheckedAt position: Int) -> Element {
        assert(position >= 0 && position < count, "column index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// Asks for the element at `position` to be brought into the cache, without waiting for it
    /// (a hint: no element is read, so any position is safe).
    @inline(__always)
    func prefetch(_ position: Int) {
        // Without a branch on an empty column's missing memory: a hint at any address is harmless.
        vaktaal_prefetch(UnsafeRawPointer(bitPattern: Int(bitPattern: base) &+ position &* MemoryLayout<Element>.stride))
    }

    /// The byte at `offset` of the elements' memory, which the caller has checked lies in it.
    @inline(__always)
    func byte(uncheckedAt offset: Int) -> UInt8 {
        assert(offset >= 0 && offset < count * MemoryLayout<Element>.stride, "column byte out of range")
        return UnsafeRawPointer(base.unsafelyUnwrapped).load(fromByteOffset: offset, as: UInt8.self)
    }

    func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows
        -> Result?
    {
        try withUnsafeBufferPointer(body)
    }

    /// The elements as a buffer, valid for the call.
    func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<Element>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }
}

extension Column {
    /// Whether every element lies in `range` (a check of a column read back, run over the
    /// buffer: a snapshot's columns hold millions of numbers).
    func allLie(in range: Range<Element>) -> Bool {
        // The smallest and the largest, found without a branch for each element.
        withUnsafeBufferPointer { elements in
            guard var smallest = elements.first else { return true }
            var largest = smallest
            for element in elements {
                smallest = Swift.min(smallest, element)
                largest = Swift.max(largest, element)
            }
            return range.contains(smallest) && range.contains(largest)
        }
    }

    /// Whether no element is smaller than the one before it: every pair is compared, without
    /// a branch for each, in a loop the compiler turns into vector instructions (a column
    /// of a 100k-concept snapshot holds a million numbers, checked at every run).
    var neverDecreases: Bool {
        withUnsafeBufferPointer { elements in
            guard elements.count >= 2, let start = elements.baseAddress else { return true }
            var decreases: UInt8 = 0
            for index in 1..<elements.count { decreases |= start[index - 1] > start[index] ? 1 : 0 }
            return decreases == 0
        }
    }

    /// Whether the column starts at 0, never decreases and ends at `end`: the starts of
    /// `count − 1` runs that fill `end` elements.
    func areStarts(ending end: Int) -> Bool {
        first == 0 && last.map { Int($0) == end } == true && neverDecreases
    }
}

/// Memory of its own for a ``Column``.
private final class OwnedElements<Element: FixedWidthInteger> {
    let base: UnsafePointer<Element>?

    init(_ elements: [Element]) {
        guard !elements.isEmpty else {
            base = nil
            return
        }
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: elements.count)
        _ = UnsafeMutableBufferPointer(start: memory, count: elements.count).initialize(from: elements)
        base = UnsafePointer(memory)
    }

    deinit { base.map { UnsafeMutablePointer(mutating: $0).deallocate() } }
}
