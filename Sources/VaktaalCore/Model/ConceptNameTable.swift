import VaktaalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Concepts by a name (an id, a URI), for the hundreds of thousands of lookups of resolving
/// references and pairing versions: names are hashed by their UTF-8 bytes with
/// ``ContentHash`` (seeded at random for each process) into an open-addressed table, where a
/// `Dictionary` of strings spends most of a lookup in its hasher.
///
/// Names compare as Swift strings do (canonical equivalence). An ASCII name is looked up by
/// its bytes, and so is a name whose only other characters are the three that are
/// canonically one ASCII character (the Kelvin sign is K), written as that character; any
/// other name equals no ASCII name, and is kept in a dictionary beside the table.
package struct ConceptNameTable: Sendable {
    /// Per slot: the place of its name in ``names``, plus one; 0 for an empty slot. The count
    /// is a power of two, at least twice the names.
    private var slots: [Int32]
    /// The names looked up by their bytes (ASCII), their hashes and their concepts.
    private var names: [String] = []
    private var hashes: [UInt64] = []
    private var concepts: [ConceptKey] = []
    /// The names no ASCII name equals.
    private var others: [String: ConceptKey] = [:]

    /// An empty table with room for `capacity` names.
    package init(capacity: Int = 0) {
        var slotCount = 16
        while slotCount < 2 * capacity { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
        names.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        concepts.reserveCapacity(capacity)
    }

    /// How many names the table holds.
    package var count: Int { names.count + others.count }

    /// The concept of `name`.
    package subscript(name: String) -> ConceptKey? {
        name.withUTF8Bytes { Self.isASCII($0) ? concept(asciiName: $0) : concept(nonASCII: name) }
    }

    /// The concept of the name written with these UTF-8 bytes.
    package func concept(named bytes: UnsafeBufferPointer<UInt8>) -> ConceptKey? {
        Self.isASCII(bytes) ? concept(asciiName: bytes) : concept(nonASCII: String(decoding: bytes, as: UTF8.self))
    }

    /// Adds `name` for `concept`, unless the table has that name (the first concept of a name is kept).
    ///
    /// - Returns: The concept that already has the name, `nil` when `name` was added.
    @discardableResult
    package mutating func insertIfAbsent(_ name: String, _ concept: ConceptKey) -> ConceptKey? {
        guard let ascii = Self.asciiEquivalent(of: name) else {
            if let first = others[name] { return first }
            others[name] = concept
            return nil
        }
        let first = ascii.withUTF8Bytes { bytes -> ConceptKey? in
            let hash = Self.hash(bytes)
            let (slot, found) = probe(bytes, hash)
            if let found { return found }
            names.append(ascii)
            hashes.append(hash)
            concepts.append(concept)
            slots[slot] = Int32(names.count)
            return nil
        }
        if 2 * names.count > slots.count { grow() }
        return first
    }

    private func concept(asciiName bytes: UnsafeBufferPointer<UInt8>) -> ConceptKey? {
        probe(bytes, Self.hash(bytes)).found
    }

    /// Walks the slots from the name's hash: the concept of the name when the table has it,
    /// else the empty slot where the name would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (slot: Int, found: ConceptKey?) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if matches(entry, bytes, hash) { return (slot, concepts[entry]) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (slot, nil)
    }

    /// The concept of a name that is not ASCII: kept beside the table, or equal to an ASCII name.
    private func concept(nonASCII name: String) -> ConceptKey? {
        if let found = others[name] { return found }
        guard let ascii = Self.asciiEquivalent(of: name) else { return nil }
        return ascii.withUTF8Bytes { concept(asciiName: $0) }
    }

    private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Bool {
        guard hashes[entry] == hash else { return false }
        return names[entry].withUTF8Bytes { name in
            guard name.count == bytes.count else { return false }
            guard let left = name.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(entry + 1)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = ContentHash(seed: seed)
        hash.update(UnsafeRawBufferPointer(bytes))
        return hash.value.0
    }

    /// The hash's seed, drawn for each process (as `Hasher`'s is): names from a published
    /// scheme cannot be crafted to fall in one run of slots.
    private static let seed = UInt64.random(in: .min ... .max)

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// The ASCII name equal to `name` (itself when it is ASCII); `nil` when there is none.
    static func asciiEquivalent(of name: String) -> String? {
        if name.withUTF8Bytes(isASCII) { return name }
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            guard let ascii = scalar.isASCII ? scalar : asciiDecompositions[scalar] else { return nil }
            scalars.append(ascii)
        }
        return String(scalars)
    }

    /// The characters whose canonical decomposition is one ASCII character.
    private static let asciiDecompositions: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{212A}": "K", "\u{037E}": ";", "\u{1FEF}": "`",
    ]
}
