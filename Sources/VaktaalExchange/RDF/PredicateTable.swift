/// The bytes each predicate is written with in one syntax (`    <skos:prefLabel`,
/// `skos:prefLabel `, …), laid out once per export in one array, so that writing a
/// predicate is a single copy with no string handling.
struct PredicateTable {
    private let bytes: [UInt8]
    private let ranges: [Range<Int>]

    /// Lays out `text(predicate)` for every predicate.
    init(_ text: (RDFPredicate) -> String) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for predicate in RDFPredicate.allCases {
            let start = bytes.count
            bytes.append(contentsOf: text(predicate).utf8)
            ranges.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.ranges = ranges
    }

    /// Appends the predicate's bytes.
    func write(_ predicate: RDFPredicate, into output: inout ByteBuffer) {
        let range = ranges[predicate.rawValue]
        bytes.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
