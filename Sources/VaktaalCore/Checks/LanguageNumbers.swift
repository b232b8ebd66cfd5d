/// A number for each language of a walk over labels, counted from 1: most labels have the
/// language of the one before, which is compared before it is looked up.
struct LanguageNumbers {
    private var numbers: [String: UInt64] = [:]
    private var last: (language: String, number: UInt64)?

    mutating func number(of language: String) -> UInt64 {
        if let last, last.language == language { return last.number }
        let number = numbers[language] ?? UInt64(numbers.count + 1)
        numbers[language] = number
        last = (language, number)
        return number
    }
}
