import VaktaalText

/// A deprecated or hidden label (or one of its forms) is not also a preferred or alternative
/// label of another concept of the folder: the linter would forbid a term that is also allowed.
struct OutdatedLabelIsAllowedCheck: VocabularyCheck {
    let rule: RuleID = "outdated-label-is-allowed"
    let severity = Severity.error
    let summary = "a deprecated or hidden label is not a preferred or alternative label anywhere in the folder"

    private struct OutdatedForm {
        let key: ConceptKey
        let label: Int
        let form: String
        let isCaseSensitive: Bool
    }

    func check(_ set: VocabularySet) -> [Finding] {
        // Outdated labels are few: index them, then look every allowed form up once. The
        // forms of one slot are chained through `next` in one list, not kept in a list each.
        var outdated: [OutdatedForm] = []
        var slots: [LabelSlot] = []
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices where !labels[index].kind.isAllowed {
                labels[index].forEachForm { form in
                    slots.append(LabelSlot(labels[index].language, form))
                    outdated.append(
                        OutdatedForm(key: key, label: index, form: form, isCaseSensitive: labels[index].isCaseSensitive))
                }
            }
        }
        guard !outdated.isEmpty else { return [] }
        var next = Array(repeating: -1, count: outdated.count)
        var firstBySlot: [LabelSlot: Int] = [:]
        firstBySlot.reserveCapacity(outdated.count)
        for (index, slot) in slots.enumerated() {
            if let earlier = firstBySlot.updateValue(index, forKey: slot) { next[index] = earlier }
        }
        let filter = FoldedFormFilter(firstBySlot.keys.map(\.folded))
        var clashes: [ConceptKey: [Int: (owner: ConceptKey, kind: LabelKind, form: String)]] = [:]
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind.isAllowed {
                labels[index].forEachForm { form in
                    guard filter.mayContain(form) else { return }
                    var candidateIndex = firstBySlot[LabelSlot(labels[index].language, form)] ?? -1
                    while candidateIndex >= 0 {
                        let candidate = outdated[candidateIndex]
                        candidateIndex = next[candidateIndex]
                        guard candidate.key != key, clashes[candidate.key]?[candidate.label] == nil,
                            LabelComparison.clash(form, labels[index].isCaseSensitive, candidate.form, candidate.isCaseSensitive)
                        else { continue }
                        clashes[candidate.key, default: [:]][candidate.label] = (key, labels[index].kind, form)
                    }
                }
            }
        }
        return clashes.flatMap { key, byLabel in
            byLabel.map { index, owner in
                let label = set[key].labels[index]
                return diagnostic(
                    "\(label.kind.rawValue) '\(label.text)' is also a \(owner.kind.rawValue) ('\(owner.form)') of "
                        + "'\(set[owner.owner].id)': the linter would forbid an allowed term",
                    concept: key, in: set, at: label.position)
            }
        }
    }
}

/// A label form in one language, case folded: where labels that the linter would confuse meet.
struct LabelSlot: Hashable {
    let language: String
    let folded: String

    init(_ language: String, _ form: String) {
        self.language = language
        // Lowercasing makes a new string; a form without capitals or other scripts is its own.
        let isFolded = form.withUTF8Bytes { bytes in
            bytes.allSatisfy { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        }
        folded = isFolded ? form : form.lowercased()
    }
}

/// Which case-folded forms are surely not among a few: a bit per hash of the folded bytes,
/// so that the many allowed forms of a large vocabulary are passed over without lowercasing
/// them (which makes a new string each). ASCII forms are folded byte by byte; any other is
/// always looked up.
struct FoldedFormFilter {
    private var bits: [UInt64]

    /// A filter for `folded`, forms already lowercased.
    init(_ folded: [String]) {
        var size = 64
        while size < folded.count * 16 { size *= 2 }
        bits = Array(repeating: 0, count: size / 64)
        for form in folded {
            insert(form)
            guard !form.withUTF8Bytes({ $0.allSatisfy { $0 < 0x80 } }) else { continue }
            // Strings compare by canonical equivalence: a form with a character that is
            // canonically one ASCII character equals an ASCII form, which is hashed as ASCII.
            var scalars = String.UnicodeScalarView()
            for scalar in form.unicodeScalars { scalars.append(Self.asciiEquivalents[scalar] ?? scalar) }
            let ascii = String(scalars)
            if !ascii.utf8.elementsEqual(form.utf8), ascii.utf8.allSatisfy({ $0 < 0x80 }) { insert(ascii) }
        }
    }

    /// The characters whose canonical decomposition is one ASCII character (the Kelvin sign
    /// needs none: lowercased, it is already `k`).
    private static let asciiEquivalents: [Unicode.Scalar: Unicode.Scalar] = ["\u{037E}": ";", "\u{1FEF}": "`"]

    private mutating func insert(_ form: String) {
        let hash = form.withUTF8Bytes { Self.hash($0, fold: false) }
        bits[hash / 64 % bits.count] |= 1 << UInt64(hash % 64)
    }

    /// Whether `form`, lowercased, may be one of the filter's forms.
    func mayContain(_ form: String) -> Bool {
        guard let hash = form.withUTF8Bytes({ $0.allSatisfy { $0 < 0x80 } ? Self.hash($0, fold: true) : nil }) else {
            return true
        }
        return bits[hash / 64 % bits.count] & (1 << UInt64(hash % 64)) != 0
    }

    /// FNV-1a over the bytes, with ASCII capitals folded when asked.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            let folded = fold && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
