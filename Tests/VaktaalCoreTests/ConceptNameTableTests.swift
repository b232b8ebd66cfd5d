import Testing

@testable import VaktaalCore

/// The name table finds what a `[String: ConceptKey]` filled in the same order (first
/// concept of a name kept) finds, names comparing as Swift strings do.
@Suite struct ConceptNameTableTests {
    /// Names in the order they are added, with pairs that Swift takes for one string.
    static let names = [
        "mentor", "werkplekbegeleider", "", "Kelvin", "\u{212A}elvin", "café", "cafe\u{301}", "coördinator",
        "a;b", "a\u{37E}b", "mentor", "x`", "x\u{1FEF}", "ἀ", "\u{1F00}", "ω", "Ω", "\u{2126}",
        "http://example.org/id/ünïcode", "K",
    ]

    @Test func aTableFindsWhatADictionaryFinds() {
        var table = ConceptNameTable()
        var dictionary: [String: ConceptKey] = [:]
        for (index, name) in Self.names.enumerated() {
            table.insertIfAbsent(name, ConceptKey(index))
            if dictionary[name] == nil { dictionary[name] = ConceptKey(index) }
        }
        #expect(table.count == dictionary.count)
        let queries = Self.names + ["MENTOR", "mentor ", "caf", "\u{212A}", "k", "a;", "Ω\u{301}", "nowhere"]
        for query in queries {
            #expect(table[query] == dictionary[query], "\(query.unicodeScalars.map { String($0.value, radix: 16) })")
            let found = Array(query.utf8).withUnsafeBufferPointer { table.concept(named: $0) }
            #expect(found == dictionary[query], "by bytes: \(query)")
        }
    }

    /// Growing past its first slots keeps every name, the first concept of each.
    @Test(arguments: [0, 10, 100_000])
    func everyNameIsFoundAfterTheTableGrows(capacity: Int) {
        var table = ConceptNameTable(capacity: capacity)
        for index in 0..<50_000 { table.insertIfAbsent("concept-\(index % 20_000)", ConceptKey(index)) }
        #expect(table.count == 20_000)
        for index in stride(from: 0, to: 20_000, by: 7) { #expect(table["concept-\(index)"] == ConceptKey(index)) }
        #expect(table["concept-20000"] == nil)
    }
}
