import Testing

@testable import VaktaalLint

/// The table a report keeps its records' fragments by: each object's number, by identity only.
@Suite struct IdentityTableTests {
    private final class Record {}

    @Test func anObjectNeverSetHasNoNumber() {
        let table = IdentityTable()
        #expect(table.value(for: ObjectIdentifier(Record())) == nil)
        #expect(table.count == 0)
    }

    @Test func aNumberSetAgainTakesThePlaceOfTheOldOne() {
        var table = IdentityTable()
        let record = Record()
        table.set(-1, for: ObjectIdentifier(record))
        table.set(7, for: ObjectIdentifier(record))
        #expect(table.value(for: ObjectIdentifier(record)) == 7)
        #expect(table.count == 1)
    }

    /// Thousands of objects grow the table many times over: each keeps its own number, and
    /// objects never set still have none.
    @Test func everyObjectKeepsItsNumberAsTheTableGrows() {
        var table = IdentityTable()
        let records = (0..<5_000).map { _ in Record() }
        for (number, record) in records.enumerated() { table.set(number, for: ObjectIdentifier(record)) }
        #expect(table.count == records.count)
        #expect(records.enumerated().allSatisfy { table.value(for: ObjectIdentifier($1)) == $0 })
        let others = (0..<1_000).map { _ in Record() }
        #expect(others.allSatisfy { table.value(for: ObjectIdentifier($0)) == nil })
    }
}
