/// The fields of a `multipart/form-data` body (RFC 7578), as the check page's form sends
/// them: each field's bytes and, for files, the file name.
struct MultipartForm {
    struct Field {
        let name: String
        let filename: String?
        let bytes: [UInt8]
    }

    let fields: [Field]

    /// The field named `name`.
    subscript(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// Parses `body` with the boundary of `contentType`; `nil` when it is not multipart.
    init?(_ body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = MediaTypeParameter.value("boundary", in: contentType)
        else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var fields: [Field] = []
        var starts = Self.offsets(of: delimiter, in: body)
        guard starts.count >= 2 else { return nil }
        starts.append(body.count)
        for (start, end) in zip(starts, starts.dropFirst()) {
            var partStart = start + delimiter.count
            guard partStart + 1 < body.count, !(body[partStart] == 0x2D && body[partStart + 1] == 0x2D) else { continue }
            if body[partStart] == 0x0D { partStart += 1 }
            if partStart < body.count, body[partStart] == 0x0A { partStart += 1 }
            var partEnd = end
            if partEnd >= 2, body[partEnd - 2] == 0x0D, body[partEnd - 1] == 0x0A { partEnd -= 2 }
            guard partStart <= partEnd, let field = Self.field(Array(body[partStart..<partEnd])) else { continue }
            fields.append(field)
        }
        self.fields = fields
    }

    private static func field(_ part: [UInt8]) -> Field? {
        guard let headerEnd = offsets(of: Array("\r\n\r\n".utf8), in: part).first else { return nil }
        let headers = String(decoding: part[..<headerEnd], as: UTF8.self)
        var name: String?
        var filename: String?
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if parameter.hasPrefix("name=") { name = unquoted(parameter.dropFirst(5)) }
                if parameter.hasPrefix("filename=") { filename = unquoted(parameter.dropFirst(9)) }
            }
        }
        guard let name else { return nil }
        return Field(name: name, filename: filename, bytes: Array(part[(headerEnd + 4)...]))
    }

    private static func unquoted(_ value: Substring) -> String {
        value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : String(value)
    }

    private static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }
}
