import Foundation

/// Deterministic, readable JSON for every report: sorted keys, pretty printing, slashes
/// unescaped.
public enum JSONOutput {
    /// The JSON text of `value`.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
