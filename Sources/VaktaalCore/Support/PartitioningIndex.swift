extension RandomAccessCollection {
    /// The first index whose element satisfies `belongs`, by binary search, for a collection
    /// where every element that satisfies it comes after every one that does not.
    @inlinable
    package func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}

extension RandomAccessCollection where Element: Comparable {
    /// The index of `value` in this sorted collection, or `nil`.
    @inlinable
    package func sortedIndex(of value: Element) -> Index? {
        let found = partitioningIndex { $0 >= value }
        return found < endIndex && self[found] == value ? found : nil
    }
}
