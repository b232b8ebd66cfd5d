import CLibXML2

/// The `String` of each name libxml2 hands over, made once per parse.
///
/// libxml2 keeps one copy of every element and attribute name, prefix and namespace URI in
/// its dictionary for the whole parse, so the address identifies the name: the table maps
/// addresses to strings with open addressing and a multiplicative hash, which costs far
/// less than hashing the address with `Hasher` or copying the name again.
///
/// A name equal to one of the `shared` strings is handed over as that very string, so that a
/// handler comparing with it finds it equal at once (two strings with the same storage are
/// equal without comparing their bytes).
struct NameTable {
    private var keys: [UnsafePointer<xmlChar>?]
    private var names: [String]
    private var count = 0
    private var shift: Int
    private let shared: [String]

    init(shared: [String] = []) {
        keys = Array(repeating: nil, count: 64)
        names = Array(repeating: "", count: 64)
        shift = 64 - 6
        self.shared = shared
    }

    /// The name at `pointer` (a NUL-terminated string from libxml2's dictionary).
    mutating func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        let mask = keys.count - 1
        var slot = home(of: pointer)
        while let key = keys[slot] {
            if key == pointer { return names[slot] }
            slot = (slot + 1) & mask
        }
        let made = String(cString: pointer)
        // Byte for byte, as XML compares names (not by canonical equivalence, as `==` does).
        let name = shared.first { $0.utf8.elementsEqual(made.utf8) } ?? made
        keys[slot] = pointer
        names[slot] = name
        count += 1
        if count * 2 > keys.count { grow() }
        return name
    }

    /// The slot where `pointer` is looked for first: the top bits of a multiplicative hash.
    private func home(of pointer: UnsafePointer<xmlChar>) -> Int {
        Int(truncatingIfNeeded: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> UInt(shift)) & (keys.count - 1)
    }

    /// Doubles the table, placing every name again.
    private mutating func grow() {
        let (oldKeys, oldNames) = (keys, names)
        keys = Array(repeating: nil, count: oldKeys.count * 2)
        names = Array(repeating: "", count: oldKeys.count * 2)
        shift -= 1
        count = 0
        let mask = keys.count - 1
        for (key, name) in zip(oldKeys, oldNames) {
            guard let key else { continue }
            var slot = home(of: key)
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = key
            names[slot] = name
            count += 1
        }
    }
}
