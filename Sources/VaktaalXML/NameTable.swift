import CLibXML2
import VaktaalText

/// The `String` of each name libxml2 hands over, made once per parse.
///
/// libxml2 keeps one copy of every element and attribute name, prefix and namespace URI in
/// its dictionary for the whole parse, so the address identifies the name: the table maps
/// addresses to strings (``AddressTable``), which costs far less than hashing the address
/// with `Hasher` or copying the name again.
///
/// A name equal to one of the `shared` strings is handed over as that very string, so that a
/// handler comparing with it finds it equal at once (two strings with the same storage are
/// equal without comparing their bytes).
struct NameTable {
    private var names = AddressTable<String>()
    private let shared: [String]

    init(shared: [String] = []) {
        self.shared = shared
    }

    /// The name at `pointer` (a NUL-terminated string from libxml2's dictionary).
    mutating func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        let address = UInt(bitPattern: pointer)
        if let name = names.value(at: address) { return name }
        let made = String(cString: pointer)
        // Byte for byte, as XML compares names (not by canonical equivalence, as `==` does).
        let name = shared.first { $0.utf8.elementsEqual(made.utf8) } ?? made
        names.set(name, at: address)
        return name
    }
}
