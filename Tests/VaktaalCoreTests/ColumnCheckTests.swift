import Testing

@testable import VaktaalCore

/// The checks a snapshot's columns are read back with: a column that does not fit must be
/// refused wherever its fault lies, the last pair included.
@Suite struct ColumnCheckTests {
    @Test(
        arguments: [
            ([], true), ([5], true), ([1, 2, 2, 3], true), ([3, 2], false), ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9], false),
            ([9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false), ([-3, -1, 0, 0, 70_000], true),
        ] as [([Int32], Bool)])
    func aColumnNeverDecreasesUnlessOnePairDoes(_ elements: [Int32], expected: Bool) {
        #expect(Column(elements).neverDecreases == expected)
    }

    /// Every single step down, at every place of a long column, is found.
    @Test func aStepDownAnywhereInALongColumnIsFound() {
        let rising = (0..<1_000).map { Int32($0) }
        #expect(Column(rising).neverDecreases)
        for place in 1..<rising.count {
            var column = rising
            column[place] = column[place - 1] - 1
            #expect(!Column(column).neverDecreases, "step down at \(place)")
        }
    }

    @Test(
        arguments: [([0, 2, 5], 5, true), ([0, 2, 5], 6, false), ([1, 2, 5], 5, false), ([0, 3, 2, 5], 5, false)]
            as [([Int32], Int, Bool)])
    func startsBeginAtZeroRiseAndEndAtTheEnd(_ elements: [Int32], end: Int, expected: Bool) {
        #expect(Column(elements).areStarts(ending: end) == expected)
    }
}
