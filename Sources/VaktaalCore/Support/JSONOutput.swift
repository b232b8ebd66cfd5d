import Foundation

/// Deterministic, readable JSON for the reports of check, diff, merge and the service: sorted
/// keys, pretty printing, slashes unescaped. (Lint's JSON and SARIF reports are written with
/// ``JSONText`` in the same layout.)
public enum JSONOutput {
    /// The JSON text of `value`.
    ///
    /// Reports hold strings, integers and booleans, which always encode; the one thing
    /// `JSONEncoder` refuses is a non-finite number, and that gives an `error` object
    /// instead of a crash.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            return #"{ "error" : "the report could not be encoded as JSON" }"#
        }
    }
}
