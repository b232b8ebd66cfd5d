import VaktaalCore
import VaktaalText

/// A rule's verdict on each distinct term of a document, made once: the same entry written
/// the same way (byte for byte) gets the same message, replacement and severity, and every
/// finding of it shares their strings (a document may name one term a million times).
struct TermVerdicts {
    /// The entry and the text as written, compared byte for byte: `String` equality would take
    /// a decomposed "coördinator" for a composed one, and the message quotes what was written.
    private struct Key: Hashable {
        let entry: IndexEntry
        let text: String

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.entry == rhs.entry && lhs.text.hasSameUTF8Bytes(as: rhs.text)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(entry)
            text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private var known: [Key: RuleVerdict?] = [:]

    /// The finding `judge` gives for `term`, judged on the first term of its entry and text
    /// and repeated for the others. `judge` must depend on nothing else of the term.
    mutating func finding(for term: FoundTerm, _ judge: (FoundTerm) -> RuleFinding?) -> RuleFinding? {
        let key = Key(entry: term.entry, text: term.text)
        let verdict: RuleVerdict?
        if let earlier = known[key] {
            verdict = earlier
        } else {
            verdict = judge(term)?.verdict
            known[key] = verdict
        }
        return verdict.map { RuleFinding(term: term, verdict: $0) }
    }
}
