import Testing
import VaktaalText

/// The table that a parse keeps its names by and a report its records: each address's value,
/// by the address alone.
@Suite struct AddressTableTests {
    private final class Record {}

    private static func address(_ record: Record) -> UInt { UInt(bitPattern: ObjectIdentifier(record)) }

    @Test func anAddressNeverSetHasNoValue() {
        let table = AddressTable<Int>()
        #expect(table.value(at: Self.address(Record())) == nil)
        #expect(table.count == 0)
    }

    @Test func aValueSetAgainTakesThePlaceOfTheOldOne() {
        var table = AddressTable<String>()
        let record = Record()
        table.set("first", at: Self.address(record))
        table.set("second", at: Self.address(record))
        #expect(table.value(at: Self.address(record)) == "second")
        #expect(table.count == 1)
    }

    /// Thousands of addresses grow the table many times over: each keeps its own value, and
    /// addresses never set still have none.
    @Test(arguments: [1, 512])
    func everyAddressKeepsItsValueAsTheTableGrows(expectedCount: Int) {
        var table = AddressTable<Int>(expectedCount: expectedCount)
        let records = (0..<5_000).map { _ in Record() }
        for (number, record) in records.enumerated() { table.set(number, at: Self.address(record)) }
        #expect(table.count == records.count)
        #expect(records.enumerated().allSatisfy { table.value(at: Self.address($1)) == $0 })
        let others = (0..<1_000).map { _ in Record() }
        #expect(others.allSatisfy { table.value(at: Self.address($0)) == nil })
    }
}
