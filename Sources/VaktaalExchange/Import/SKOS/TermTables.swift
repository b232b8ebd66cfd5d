/// The schemes each term is a member of, by term number: the first inline, the rare others
/// beside it, so that a hundred thousand concepts in one scheme need no allocation each.
struct Memberships {
    private var first: [Int32]
    private var more: [Int32: [Int]] = [:]

    init(count: Int) { first = [Int32](repeating: -1, count: count) }

    func contains(_ term: Int32, _ scheme: Int) -> Bool {
        if Int(first[Int(term)]) == scheme { return true }
        return !more.isEmpty && (more[term]?.contains(scheme) ?? false)
    }

    mutating func add(_ term: Int32, _ scheme: Int) {
        guard !contains(term, scheme) else { return }
        if first[Int(term)] < 0 {
            first[Int(term)] = Int32(scheme)
        } else {
            more[term, default: []].append(scheme)
        }
    }

    /// The only scheme, when there is exactly one.
    func single(_ term: Int32) -> Int? {
        let scheme = first[Int(term)]
        guard scheme >= 0, more.isEmpty || more[term] == nil else { return nil }
        return Int(scheme)
    }

    /// Every scheme, in the order met.
    func all(_ term: Int32) -> [Int] {
        let scheme = first[Int(term)]
        guard scheme >= 0 else { return [] }
        return [Int(scheme)] + (more.isEmpty ? [] : more[term] ?? [])
    }

    /// How many members each of `count` schemes has.
    func sizes(_ count: Int) -> [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for scheme in first where scheme >= 0 { sizes[Int(scheme)] += 1 }
        for list in more.values { for scheme in list { sizes[scheme] += 1 } }
        return sizes
    }
}

/// Where each imported concept went (its vocabulary and id), by term number.
struct Placements {
    private var vocabularies: [Int32]
    private var ids: [String]

    init(count: Int) {
        vocabularies = [Int32](repeating: -1, count: count)
        ids = [String](repeating: "", count: count)
    }

    subscript(term: Int32) -> (vocabulary: Int, id: String)? {
        get {
            let vocabulary = vocabularies[Int(term)]
            return vocabulary < 0 ? nil : (Int(vocabulary), ids[Int(term)])
        }
        set {
            vocabularies[Int(term)] = Int32(newValue?.vocabulary ?? -1)
            ids[Int(term)] = newValue?.id ?? ""
        }
    }
}

/// A small direct-mapped cache from a string's storage address to its term number. Only
/// strings too long to be stored inline have a stable address; the cache keeps each
/// string it holds alive, so an address cannot be reused while it is cached.
struct PredicateCache {
    private struct Entry {
        var address: UInt = 0
        var count = 0
        var number: Int32 = 0
        var kept = ""
    }

    private var entries = [Entry](repeating: Entry(), count: 64)

    mutating func number(_ text: String, orElse lookUp: (String) -> Int32) -> Int32 {
        var text = text
        let count = text.utf8.count
        guard count > 15 else { return lookUp(text) }
        let address = text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        let slot = Int((address >> 4) & 63)
        if entries[slot].address == address, entries[slot].count == count { return entries[slot].number }
        let number = lookUp(text)
        entries[slot] = Entry(address: address, count: count, number: number, kept: text)
        return number
    }
}
