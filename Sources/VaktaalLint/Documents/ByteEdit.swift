/// A replacement of a range of a document's bytes: how a fix is written into a text file
/// or into a part of an Office document.
struct ByteEdit {
    let range: Range<Int>
    let bytes: [UInt8]

    /// `bytes` with `edits` made, and how many were: going from the end backwards, an edit
    /// that would overlap one already taken, or that reaches past the end, is left out.
    static func apply(_ edits: [ByteEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        var taken: [ByteEdit] = []
        var limit = bytes.count
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where edit.range.upperBound <= limit {
            taken.append(edit)
            limit = edit.range.lowerBound
        }
        // Made in one pass from the start: the bytes between edits are copied once, not moved
        // again for every edit before them (a file with a hundred thousand fixes).
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + taken.reduce(0) { $0 + max(0, $1.bytes.count - $1.range.count) })
        var copied = 0
        for edit in taken.reversed() {
            result += bytes[copied..<edit.range.lowerBound]
            result += edit.bytes
            copied = edit.range.upperBound
        }
        result += bytes[copied...]
        return (result, taken.count)
    }
}
