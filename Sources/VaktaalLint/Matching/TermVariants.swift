#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The distinct terms of a document: each label form written one way, byte for byte. A
/// document names one term many times; its terms share their variant's text, and a rule
/// judges each variant once (``TermVerdicts``).
struct TermVariants {
    /// Each variant's text as written.
    private(set) var texts: [String] = []
    /// Each variant's label form (``MatchedForm/id``).
    private var forms: [Int] = []
    /// Each variant's hash, kept for growing the table.
    private var hashes: [UInt64] = []
    /// Each variant's bytes, one after another, and where each ends: a term met again is
    /// compared with these, not with its variant's string (at 100k concepts, 65k times).
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Open addressing by hash: a variant's number plus one, or 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)

    /// How many variants there are.
    var count: Int { texts.count }

    /// The number of the variant of `form` written as `written`, new or known.
    mutating func variant(form: Int, written: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(form, written)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let known = Int(slots[slot]) - 1
            if hashes[known] == hash, forms[known] == form, isWritten(known, as: written) { return known }
            slot = (slot + 1) & (slots.count - 1)
        }
        let variant = texts.count
        texts.append(String(decoding: written, as: UTF8.self))
        forms.append(form)
        hashes.append(hash)
        bytes.append(contentsOf: written)
        ends.append(bytes.count)
        slots[slot] = Int32(variant + 1)
        if 2 * texts.count > slots.count { grow() }
        return variant
    }

    /// The table at twice the size, every variant in its new slot.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        for (variant, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(variant + 1)
        }
    }

    /// Whether `variant` is written as `written`, byte for byte.
    private func isWritten(_ variant: Int, as written: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = variant == 0 ? 0 : ends[variant - 1]
        guard ends[variant] - start == written.count else { return false }
        guard let other = written.baseAddress, !written.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress.unsafelyUnwrapped + start, other, written.count) == 0 }
    }

    /// FNV-1a over the form's number and the bytes: terms are short.
    private static func hash(_ form: Int, _ written: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: form)
        for byte in written { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
