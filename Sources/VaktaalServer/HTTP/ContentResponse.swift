import CompressNIO
import Foundation
import Hummingbird
import NIOCore
import VaktaalXML

/// A cacheable answer: the body with its media type, a strong `ETag` and `Last-Modified`,
/// `304 Not Modified` for a client that has it already (`If-None-Match`, else
/// `If-Modified-Since`), `412` for one whose `If-Match` or `If-Unmodified-Since` fails, and
/// gzip for clients that accept it. This is how partners sync
/// cheaply: an unchanged vocabulary costs one round trip and no body.
struct ContentResponse {
    let bytes: [UInt8]
    let mediaType: String
    /// The strong tag of this representation (quoted).
    let etag: String
    /// The HTTP date of the last change (formatted once per version).
    let lastModified: String
    let modified: Date
    /// Where the gzipped body is kept between requests, for bodies worth keeping (whole schemes).
    var compressedBodies: CompressedBodies? = nil

    /// The media type with `charset=utf-8` for text: but for XML that declares another
    /// encoding (a scheme published in ISO-8859-1), whose declaration a client must follow
    /// (RFC 7303: a charset parameter would win over it).
    private var contentType: String {
        let isText = mediaType.hasPrefix("text/") || mediaType.hasSuffix("json") || mediaType.hasSuffix("xml")
        guard isText else { return mediaType }
        if mediaType.hasSuffix("xml"), bytes.withUnsafeBufferPointer(EncodingDeclaration.declaresOtherEncoding) {
            return mediaType
        }
        return mediaType + "; charset=utf-8"
    }

    /// Bodies smaller than this are not worth compressing.
    static let compressionThreshold = 1024

    /// The answer to `request`, after its preconditions in the order of RFC 9110 13.2.2.
    ///
    /// - Throws: ``ServiceError`` 412 when `If-Match` names another version (or, without it,
    ///   `If-Unmodified-Since` is before the last change): "do this only to the version I
    ///   have" holds for a GET as for a PUT.
    func response(for request: Request) throws(ServiceError) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.lastModified] = lastModified
        headers[.vary] = "Accept, Accept-Encoding"
        headers[.cacheControl] = "no-cache"
        if let ifMatch = request.headers[.ifMatch] {
            guard ETagMatching.matches(ifMatch, etag) else {
                throw ServiceError(.preconditionFailed, "If-Match names another version than the current one", headers: headers)
            }
        } else if let since = request.headers[.ifUnmodifiedSince].flatMap(HTTPDate.parse),
            modified.timeIntervalSince1970.rounded(.down) > since.timeIntervalSince1970
        {
            throw ServiceError(.preconditionFailed, "the resource changed after If-Unmodified-Since", headers: headers)
        }
        let inGzip = bytes.count >= Self.compressionThreshold && Self.acceptsGzip(request)
        if isFresh(request) {
            // The validator of the representation a 200 would have sent (RFC 9110 15.4.5).
            if inGzip { headers[.eTag] = ETagMatching.gzipped(etag) }
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        if inGzip, let compressed = gzipped() {
            headers[.contentEncoding] = "gzip"
            headers[.eTag] = ETagMatching.gzipped(etag)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: compressed))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The body gzipped: kept in ``compressedBodies`` when there is one, else made for this response.
    private func gzipped() -> ByteBuffer? {
        if let compressedBodies { return compressedBodies.body(etag: etag, of: bytes) }
        var body = ByteBuffer(bytes: bytes)
        return try? body.compress(with: .gzip())
    }

    /// Whether the client's copy is current.
    private func isFresh(_ request: Request) -> Bool {
        if let noneMatch = request.headers[.ifNoneMatch] {
            let plain = ETagMatching.noneMatchHits(noneMatch, etag)
            let gzipped = ETagMatching.noneMatchHits(noneMatch, ETagMatching.gzipped(etag))
            return plain || gzipped
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    /// Whether `Accept-Encoding` allows gzip (and does not give it `q=0`); `x-gzip` is gzip
    /// (RFC 9110 8.4.1.3).
    static func acceptsGzip(_ request: Request) -> Bool {
        guard let header = request.headers[.acceptEncoding] else { return false }
        return MediaRanges.parse(header).contains { ["gzip", "x-gzip", "*"].contains($0.type) && $0.quality > 0 }
    }
}

/// HTTP dates: written as IMF-fixdate, read in the three forms RFC 9110 5.6.7 says a
/// recipient must accept (IMF-fixdate, RFC 850's and asctime's).
enum HTTPDate {
    /// A new formatter each time: `DateFormatter` is not safe to share between threads, and
    /// dates are formatted once per published version.
    private static func formatter(_ format: String = "EEE, dd MMM yyyy HH:mm:ss 'GMT'") -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = format
        return formatter
    }

    static func format(_ date: Date) -> String { formatter().string(from: date) }

    static func parse(_ text: String) -> Date? {
        if let date = formatter().date(from: text) { return date }
        // asctime pads a day below 10 with a blank ("Dec  5").
        let single = text.split(separator: " ").joined(separator: " ")
        return formatter("EEEE, dd-MMM-yy HH:mm:ss 'GMT'").date(from: single)
            ?? formatter("EEE MMM d HH:mm:ss yyyy").date(from: single)
    }
}
