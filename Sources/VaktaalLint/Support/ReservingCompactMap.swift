extension Collection {
    /// `compactMap` into an array with room for every element from the start: for long
    /// collections whose elements may all give a value. (Grown by doubling, an array of a
    /// million findings copies each again and again, into memory fresh from the kernel. The
    /// room that stays unused costs address space, not memory: a large block is never
    /// written beyond what it holds.)
    func compactMapReserving<Value>(_ transform: (Element) throws -> Value?) rethrows -> [Value] {
        var result: [Value] = []
        result.reserveCapacity(count)
        for element in self {
            if let value = try transform(element) { result.append(value) }
        }
        return result
    }
}
