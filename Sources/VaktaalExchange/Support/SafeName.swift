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
}
