import Foundation

/// The parameters of a media type (`text/plain; charset="utf-8"`, `multipart/form-data;
/// boundary=x`): names without case, values without their quotes (RFC 9110 5.6.6).
enum MediaTypeParameter {
    /// The value of the parameter `name` of `mediaType`, or `nil` when it has none.
    static func value(_ name: String, in mediaType: String) -> String? {
        for parameter in mediaType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].lowercased() == name else { continue }
            let value = parts[1]
            return value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"")
                ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }
}
