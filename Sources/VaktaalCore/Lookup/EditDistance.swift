/// Edit distance with adjacent transpositions (optimal string alignment), the usual
/// measure for typing mistakes: "werkplekbegelijder" is 2 away from "werkplekbegeleider".
enum EditDistance {
    /// The distance between `a` and `b`, or `nil` when it is more than `limit`.
    /// Work is limited to a band of width `2 × limit + 1` around the diagonal.
    static func distance(_ a: [UInt32], _ b: ArraySlice<UInt32>, limit: Int) -> Int? {
        let b = Array(b)
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        let infinity = limit + 1
        let width = b.count + 1
        var twoBack = [Int](repeating: infinity, count: width)
        var previous = [Int](repeating: infinity, count: width)
        var current = [Int](repeating: infinity, count: width)
        for column in 0..<min(width, limit + 1) { previous[column] = column }
        for row in 1...a.count {
            let low = max(1, row - limit)
            let high = min(b.count, row + limit)
            for column in 0..<width { current[column] = infinity }
            if row <= limit { current[0] = row }
            var rowMinimum = current[0]
            if low <= high {
                for column in low...high {
                    let cost = a[row - 1] == b[column - 1] ? 0 : 1
                    var value = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
                    if row > 1, column > 1, a[row - 1] == b[column - 2], a[row - 2] == b[column - 1] {
                        value = min(value, twoBack[column - 2] + 1)
                    }
                    current[column] = min(value, infinity)
                    rowMinimum = min(rowMinimum, current[column])
                }
            }
            if rowMinimum > limit { return nil }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }

    /// How many edits a query of `length` characters may contain and still be a typo of a
    /// term: none up to 3 characters (short words are too alike), 1 up to 5, then one more
    /// per 5 characters, at most 3.
    static func allowance(forLength length: Int) -> Int {
        switch length {
        case ..<4: 0
        case 4...5: 1
        default: min(3, length / 5)
        }
    }
}
