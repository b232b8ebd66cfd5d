import Testing
import VaktaalCore

/// Binary search over sorted collections, as a linear search would answer.
@Suite struct PartitioningIndexTests {
    @Test(arguments: [[], [5], [1, 3, 3, 3, 8, 13], Array(stride(from: 0, to: 200, by: 7))])
    func answersAsALinearSearch(values: [Int]) {
        for probe in -1...210 {
            #expect(values.partitioningIndex { $0 >= probe } == (values.firstIndex { $0 >= probe } ?? values.endIndex))
            let found = values.sortedIndex(of: probe)
            #expect(found.map { values[$0] == probe } ?? !values.contains(probe))
            #expect(found == values.firstIndex(of: probe))
        }
        #expect(values.dropFirst().partitioningIndex { _ in false } == values.endIndex)
    }
}
