/// Names fit for an XML id or a URL fragment: letters, digits, `-`, `_` and `.` stay,
/// anything else becomes `_`. Plain ASCII names, the usual case, are checked on bytes and
/// returned as they are.
enum SafeName {
    static func make(_ raw: String) -> String {
        let plain = raw.utf8.allSatisfy { byte in
            (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        }
        if plain { return raw }
        return String(raw.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }

    /// `names` with those that came out alike (`a~b` and `a_b` both `a_b`) told apart by a
    /// number, `_2` on, so that every link names the right one.
    static func unique(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        taken.reserveCapacity(names.count)
        return names.map { name in
            var unique = name
            var number = 2
            while !taken.insert(unique).inserted {
                unique = "\(name)_\(number)"
                number += 1
            }
            return unique
        }
    }
}
